package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.InvalidRecordException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudienceTextTest {

  @Test
  void readsAsAPersonWouldWriteIt() {
    Audience parsed =
        AudienceText.parse(
            "district in [\"北会津町\", \"湊町\"] and childAge 0..6 or age 65..130 and not language \"en\"");

    assertThat(parsed)
        .isEqualTo(
            new Audience.AnyOf(
                List.of(
                    new Audience.AllOf(
                        List.of(
                            new Audience.InDistrict(List.of("北会津町", "湊町")),
                            new Audience.HasChildAgedBetween(0, 6))),
                    new Audience.AllOf(
                        List.of(
                            new Audience.AgeBetween(65, 130),
                            new Audience.Not(new Audience.Speaks("en")))))));
  }

  @Test
  void geographicAreasHaveAReadableFormToo() {
    String text = "circle 37.49 139.93 2.5 or polygon [37.4 139.8, 37.6 139.8, 37.6 140]";

    Audience parsed = AudienceText.parse(text);

    assertThat(AudienceText.format(parsed)).isEqualTo(text);
  }

  @Test
  void parseErrorsNameThePosition() {
    assertThatThrownBy(() -> AudienceText.parse("age 65..130 and shoeSize 42"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("audience: at position 17: unknown audience 'shoeSize'");
    assertThatThrownBy(() -> AudienceText.parse("district in [\"湊町\""))
        .hasMessage("audience: at position 18: expected ']'");
    assertThatThrownBy(() -> AudienceText.parse("(everyone"))
        .hasMessage("audience: at position 10: expected ')'");
    assertThatThrownBy(() -> AudienceText.parse("age 65.."))
        .hasMessage("audience: at position 9: expected a whole number");
    assertThatThrownBy(() -> AudienceText.parse("everyone everyone"))
        .hasMessageContaining("at position 10: unexpected 'everyone'");
  }

  @Test
  void randomAudiencesRoundTripExactlyThroughTextAndJson() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      Audience audience = RandomAudiences.next(random, 4);

      String text = AudienceText.format(audience);

      assertThat(AudienceText.parse(text)).as(text).isEqualTo(audience);
      assertThat(
              io.kairan.model.json.Json.read(
                      io.kairan.model.json.Json.write(new Wrapper(audience)), Wrapper.class)
                  .audience())
          .isEqualTo(audience);
    }
  }

  record Wrapper(Audience audience) {}
}
