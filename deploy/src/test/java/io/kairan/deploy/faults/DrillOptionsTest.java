package io.kairan.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {
  @Test
  void withoutOptionsTheDrillIsAThousandResidentsAndAHundredAndFiftyNoticesAfterABaseline() {
    var options = DrillOptions.parse(new String[0]);

    assertThat(options.residents()).isEqualTo(1000);
    assertThat(options.notices()).isEqualTo(150);
    assertThat(options.noticesPerSecond()).isEqualTo(0.5);
    assertThat(options.outage()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.baseline()).isTrue();
  }

  @Test
  void eachOptionSetsItsValue() {
    var options =
        DrillOptions.parse(
            new String[] {
              "--residents",
              "50",
              "--notices",
              "10",
              "--notice-rate",
              "2",
              "--profile-rate",
              "1.5",
              "--outage-s",
              "5",
              "--settle-s",
              "20",
              "--parallelism",
              "1",
              "--no-baseline",
              "--json",
              "x.json"
            });

    assertThat(options)
        .isEqualTo(
            new DrillOptions(
                50, 10, 2, 1.5, Duration.ofSeconds(5), Duration.ofSeconds(20), 1, false, "x.json"));
  }

  @Test
  void wrongValuesAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--residents", "0"}))
        .hasMessageContaining("--residents");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--notice-rate", "NaN"}))
        .hasMessageContaining("--notice-rate");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--notices", "many"}))
        .hasMessageContaining("--notices: not a number");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--residents", "3"}))
        .hasMessageContaining("one per town");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--parallelism", "5"}))
        .hasMessageContaining("--parallelism");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--outage-s"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--kill", "all"}))
        .hasMessageContaining("unknown option --kill");
  }
}
