package io.kairan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void aTextOfExactlyTheLimitIsAcceptedAndOneCharacterMoreIsNot() {
    assertThat(new Problems().maxLength("会津若松", 4, "city").list()).isEmpty();
    assertThat(new Problems().maxLength("会津若松市", 4, "city").list())
        .containsExactly("city: must be at most 4 characters");
  }

  @Test
  void aListOfExactlyTheLimitIsAcceptedAndOneEntryMoreIsNot() {
    assertThat(new Problems().maxSize(List.of("a", "b"), 2, "tags").list()).isEmpty();
    assertThat(new Problems().maxSize(List.of("a", "b", "c"), 2, "tags").list())
        .containsExactly("tags: must have at most 2 entries");
  }

  @Test
  void aMapOfExactlyTheLimitIsAcceptedAndOneEntryMoreIsNot() {
    assertThat(new Problems().maxSize(Map.of("ja", "a", "en", "b"), 2, "title").list()).isEmpty();
    assertThat(new Problems().maxSize(Map.of("ja", "a", "en", "b", "vi", "c"), 2, "title").list())
        .containsExactly("title: must have at most 2 entries");
  }

  @Test
  void missingValuesAreLeftToTheRequiredChecks() {
    var problems =
        new Problems()
            .maxLength(null, 1, "text")
            .maxSize((List<String>) null, 1, "list")
            .maxSize((Map<String, String>) null, 1, "map");

    assertThat(problems.list()).isEmpty();
  }

  @Test
  void blankAndMissingValuesAreNamed() {
    var problems =
        new Problems().notBlank(" \t", "name").notBlank(null, "id").notNull(null, "kind");

    assertThat(problems.list())
        .containsExactly("name: must not be blank", "id: must not be blank", "kind: is required");
  }

  @Test
  void problemsAreListedInTheOrderFoundWithTheirPaths() {
    var problems =
        new Problems()
            .require(false, "version", "must be 1 or more")
            .require(true, "id", "never listed")
            .add("timeZone", "is not a time zone id")
            .addAll("home", List.of("lat: must be between -90 and 90"))
            .merge(List.of("audience.min: must be between 0 and 130"));

    assertThat(problems.list())
        .containsExactly(
            "version: must be 1 or more",
            "timeZone: is not a time zone id",
            "home.lat: must be between -90 and 90",
            "audience.min: must be between 0 and 130");
  }

  @Test
  void nothingFoundThrowsNothing() {
    assertThatCode(() -> new Problems().notBlank("r-1", "id").throwIfAny())
        .doesNotThrowAnyException();
  }

  @Test
  void everythingFoundIsThrownAtOnce() {
    var problems = new Problems().notBlank("", "id").notNull(null, "kind");

    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("id: must not be blank", "kind: is required"))
        .hasMessage("id: must not be blank; kind: is required");
  }

  @Test
  void aRecordThatCannotBeReadHasOneProblemAndKeepsItsCause() {
    var cause = new IllegalArgumentException("bad byte");

    var e = new InvalidRecordException("body: not UTF-8", cause);

    assertThat(e.problems()).containsExactly("body: not UTF-8");
    assertThat(e).hasMessage("body: not UTF-8").hasCause(cause);
  }
}
