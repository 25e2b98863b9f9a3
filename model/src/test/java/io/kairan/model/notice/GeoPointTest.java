package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void thePolesAndTheAntimeridianAreValid() {
    assertThat(new GeoPoint(90, 180).problems()).isEmpty();
    assertThat(new GeoPoint(-90, -180).problems()).isEmpty();
  }

  @Test
  void aLatitudeBeyondAPoleIsRefused() {
    assertThat(new GeoPoint(90.000001, 0).problems())
        .containsExactly("lat: must be between -90 and 90");
    assertThat(new GeoPoint(-90.000001, 0).problems())
        .containsExactly("lat: must be between -90 and 90");
  }

  @Test
  void aLongitudeBeyondTheAntimeridianIsRefused() {
    assertThat(new GeoPoint(0, 180.000001).problems())
        .containsExactly("lon: must be between -180 and 180");
    assertThat(new GeoPoint(0, -180.000001).problems())
        .containsExactly("lon: must be between -180 and 180");
  }

  @Test
  void aJapanesePointWrittenLongitudeFirstIsRefused() {
    assertThat(new GeoPoint(139.9297, 37.4946).problems())
        .containsExactly("lat: must be between -90 and 90");
  }
}
