package io.kairan.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Hazard;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hazard of an alert's words, as a city's evacuation lists name hazards. */
class HazardsTest {

  @ParameterizedTest
  @CsvSource({
    "大雨警報（土砂災害）, LANDSLIDE",
    "大雨警報（浸水害）, INLAND_FLOOD",
    "大雨特別警報, INLAND_FLOOD",
    "洪水警報, FLOOD",
    "高潮警報, STORM_SURGE",
    "大津波警報, TSUNAMI",
    "緊急地震速報, EARTHQUAKE",
    "噴火警報（居住地域）, VOLCANO",
    "Flash Flood Warning, FLOOD",
    "TSUNAMI WARNING, TSUNAMI",
    "Wildfire, LARGE_FIRE",
    "Earthquake, EARTHQUAKE",
    "Debris Flow, LANDSLIDE"
  })
  void theWordsOfAWarningNameItsHazard(String words, Hazard hazard) {
    assertThat(Hazards.of(words)).contains(hazard);
  }

  @ParameterizedTest
  @CsvSource({"強風注意報", "波浪注意報", "SEVERE THUNDERSTORM", "大雪警報"})
  void warningsNoEvacuationListNamesHaveNoHazard(String words) {
    assertThat(Hazards.of(words)).isEqualTo(Optional.empty());
  }

  @org.junit.jupiter.api.Test
  void aTsunamiInTheHeadlineOutranksTheEarthquakeOfTheEvent() {
    assertThat(Hazards.of("Earthquake", "Tsunami Warning for the coast")).contains(Hazard.TSUNAMI);
  }

  @org.junit.jupiter.api.Test
  void anEarthquakeThatBringsNoTsunamiIsAnEarthquake() {
    assertThat(Hazards.of("震度5強の地震がありました。この地震による津波の心配はありません。")).contains(Hazard.EARTHQUAKE);
  }
}
