package io.kairan.deploy.boundaries;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between Kairan's parts, kept by a test rather than by good intentions: the model
 * and the matching core stay plain Java (so they run, and are tested, without a cluster); the API's
 * write path never depends on the Elasticsearch read model (so publishing and withdrawing work
 * while Elasticsearch is down); push's memory never depends on how pushes are sent; and the
 * testkit's stand-ins (the local FCM server, the token issuer) are used only by the local stack and
 * the tests. This module sees every other module's classes, so the rules live here.
 */
class BoundariesTest {

  private static final String[] FRAMEWORKS = {
    "org.apache.flink..",
    "org.springframework..",
    "org.apache.kafka..",
    "co.elastic..",
    "com.google.firebase.."
  };

  /** Kairan's production classes, imported once: immutable, so sharing them is safe. */
  private static final JavaClasses KAIRAN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kairan");

  private static JavaClasses kairan() {
    return KAIRAN;
  }

  @Test
  void theModelUsesNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("io.kairan.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(kairan());
  }

  @Test
  void theMatchingCoreAndThePolicyUseNeitherFlinkNorSpringNorKafka() {
    noClasses()
        .that()
        .resideInAnyPackage("io.kairan.recommender.match..", "io.kairan.recommender.decide..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(kairan());
  }

  @Test
  void theApisWritePathNeverTouchesElasticsearch() {
    noClasses()
        .that()
        .resideInAPackage("io.kairan.api.ledger..")
        .or()
        .haveFullyQualifiedName("io.kairan.api.notice.NoticeWrites")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kairan.api.index..", "co.elastic..")
        .check(kairan());
  }

  @Test
  void pushStateNeverDependsOnHowPushesAreSent() {
    noClasses()
        .that()
        .resideInAPackage("io.kairan.push.state..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.kairan.push.send..", "io.kairan.push.dispatch..", "com.google.firebase..")
        .check(kairan());
  }

  @Test
  void onlyTheLocalStackUsesTheTestkit() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.kairan.push.fcmlocal..", "io.kairan.testkit..", "io.kairan.deploy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kairan.push.fcmlocal..", "io.kairan.testkit..")
        .check(kairan());
  }
}
