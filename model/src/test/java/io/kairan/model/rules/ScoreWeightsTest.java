package io.kairan.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreWeightsTest {

  @Test
  void theSumAddsEverySignalsWeight() {
    assertThat(new ScoreWeights(3, 1, 1, 1, 2).sum()).isEqualTo(8);
    assertThat(new ScoreWeights(1, 2, 4, 8, 16).sum()).isEqualTo(31);
  }

  @Test
  void anyOneSignalMayCarryTheWholeScore() {
    assertThat(new ScoreWeights(0.001, 0, 0, 0, 0).isValid()).isTrue();
    assertThat(new ScoreWeights(0, 1, 0, 0, 0).isValid()).isTrue();
    assertThat(new ScoreWeights(0, 0, 1, 0, 0).isValid()).isTrue();
    assertThat(new ScoreWeights(0, 0, 0, 1, 0).isValid()).isTrue();
    assertThat(new ScoreWeights(0, 0, 0, 0, 1).isValid()).isTrue();
  }

  @Test
  void weightsThatAreAllZeroWeighNothing() {
    assertThat(new ScoreWeights(0, 0, 0, 0, 0).isValid()).isFalse();
  }

  @Test
  void aNegativeWeightIsRefusedWhicheverSignalItIs() {
    assertThat(new ScoreWeights(-0.5, 1, 1, 1, 1).isValid()).isFalse();
    assertThat(new ScoreWeights(1, -0.5, 1, 1, 1).isValid()).isFalse();
    assertThat(new ScoreWeights(1, 1, -0.5, 1, 1).isValid()).isFalse();
    assertThat(new ScoreWeights(1, 1, 1, -0.5, 1).isValid()).isFalse();
    assertThat(new ScoreWeights(1, 1, 1, 1, -0.5).isValid()).isFalse();
  }
}
