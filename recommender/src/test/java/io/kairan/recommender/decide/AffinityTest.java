package io.kairan.recommender.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairan.model.resident.FeedbackKind;
import org.junit.jupiter.api.Test;

/** The learned liking, step by step against hand-worked values (fade 0.9, then the signal). */
class AffinityTest {

  @Test
  void eachReactionFadesWhatCameBeforeAndAddsItsSignal() {
    double useful = Affinity.after(Affinity.NEUTRAL, FeedbackKind.USEFUL); // 0 + 0.3
    double opened = Affinity.after(useful, FeedbackKind.OPENED); // 0.27 + 0.1
    double dismissed = Affinity.after(opened, FeedbackKind.DISMISSED); // 0.333 − 0.1

    assertThat(useful).isCloseTo(0.3, within(1e-12));
    assertThat(opened).isCloseTo(0.37, within(1e-12));
    assertThat(dismissed).isCloseTo(0.233, within(1e-12));
  }

  @Test
  void notInterestedTwiceFromNeutralReachesMinusPointNineFive() {
    double once = Affinity.after(Affinity.NEUTRAL, FeedbackKind.NOT_INTERESTED); // −0.5

    assertThat(Affinity.after(once, FeedbackKind.NOT_INTERESTED)) // −0.45 − 0.5
        .isCloseTo(-0.95, within(1e-12));
  }

  @Test
  void likingStaysWithinMinusOneAndOne() {
    assertThat(Affinity.after(0.95, FeedbackKind.USEFUL)).isEqualTo(1.0); // 0.855 + 0.3, capped
    assertThat(Affinity.after(-0.95, FeedbackKind.NOT_INTERESTED)).isEqualTo(-1.0); // −1.355
  }
}
