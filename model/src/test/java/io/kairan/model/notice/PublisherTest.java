package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublisherTest {

  @Test
  void aDepartmentWithIdNameAndKindIsValid() {
    assertThat(new Publisher("kodomo-ka", "こども家庭課", PublisherKind.DEPARTMENT).problems()).isEmpty();
  }

  @Test
  void aPublisherNeedsItsIdNameAndKind() {
    assertThat(new Publisher(" ", null, null).problems())
        .containsExactly("id: must not be blank", "name: must not be blank", "kind: is required");
  }

  @Test
  void idsRunToOneHundredCharactersAndNamesToTwoHundred() {
    assertThat(new Publisher("p".repeat(100), "課".repeat(200), PublisherKind.FIRM).problems())
        .isEmpty();
    assertThat(new Publisher("p".repeat(101), "課".repeat(201), PublisherKind.FEED).problems())
        .containsExactly(
            "id: must be at most 100 characters", "name: must be at most 200 characters");
  }
}
