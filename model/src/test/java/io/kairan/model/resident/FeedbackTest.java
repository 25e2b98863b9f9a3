package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedbackTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  @Test
  void anOpenedNoticeIsValidFeedback() {
    assertThat(new Feedback("r-1", "n-1", FeedbackKind.OPENED, AT).problems()).isEmpty();
  }

  @Test
  void feedbackNamesWhoReactedToWhatHowAndWhen() {
    assertThat(new Feedback("", " ", null, null).problems())
        .containsExactly(
            "residentId: must not be blank",
            "noticeId: must not be blank",
            "kind: is required",
            "at: is required");
  }

  @Test
  void idsRunToOneHundredCharacters() {
    assertThat(new Feedback("r".repeat(100), "n".repeat(100), FeedbackKind.USEFUL, AT).problems())
        .isEmpty();
    assertThat(new Feedback("r".repeat(101), "n".repeat(101), FeedbackKind.USEFUL, AT).problems())
        .containsExactly(
            "residentId: must be at most 100 characters",
            "noticeId: must be at most 100 characters");
  }
}
