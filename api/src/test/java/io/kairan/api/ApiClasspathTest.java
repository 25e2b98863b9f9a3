package io.kairan.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The API uses the recommender's matching core and policy, never its Flink job: Flink is excluded
 * from the API's dependencies, and no API class reaches into the job.
 */
class ApiClasspathTest {

  @Test
  void flinkIsNotOnTheApisClasspath() {
    assertThatThrownBy(() -> Class.forName("org.apache.flink.api.common.functions.Function"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theApiUsesOnlyTheRecommendersMatchAndDecidePackages() {
    noClasses()
        .that()
        .resideInAPackage("io.kairan.api..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.kairan.recommender..")
                .and(
                    not(
                        resideInAnyPackage(
                            "io.kairan.recommender.match..", "io.kairan.recommender.decide.."))))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kairan.api"));
  }
}
