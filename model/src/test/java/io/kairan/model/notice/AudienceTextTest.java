package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.InvalidRecordException;
import java.util.ArrayList;
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

  /** Random expression trees over every kind of audience. */
  static final class RandomAudiences {
    private static final List<String> DISTRICTS = List.of("北会津町", "湊町", "一箕町", "河東町", "栄町");

    static Audience next(Random random, int depth) {
      int kind = random.nextInt(depth <= 0 ? 9 : 12);
      return switch (kind) {
        case 0 -> new Audience.Everyone();
        case 1 -> new Audience.InMunicipality("072028");
        case 2 -> new Audience.InDistrict(sample(random));
        case 3 -> {
          int min = random.nextInt(90);
          yield new Audience.AgeBetween(min, min + random.nextInt(40));
        }
        case 4 -> {
          int min = random.nextInt(15);
          yield new Audience.HasChildAgedBetween(min, min + random.nextInt(6));
        }
        case 5 -> new Audience.Speaks(random.nextBoolean() ? "ja" : "en");
        case 6 -> new Audience.InterestedIn(random.nextBoolean() ? "子育て" : "防災");
        case 7 ->
            new Audience.WithinCircle(
                new GeoPoint(37.4 + random.nextInt(30) / 100.0, 139.8 + random.nextInt(30) / 100.0),
                0.5 + random.nextInt(10));
        case 8 ->
            new Audience.WithinPolygon(
                List.of(
                    new GeoPoint(37.4, 139.8),
                    new GeoPoint(37.6, 139.8),
                    new GeoPoint(37.6 - random.nextInt(10) / 100.0, 140.0)));
        case 9 -> new Audience.Not(next(random, depth - 1));
        case 10 -> new Audience.AllOf(parts(random, depth));
        default -> new Audience.AnyOf(parts(random, depth));
      };
    }

    private static List<Audience> parts(Random random, int depth) {
      List<Audience> parts = new ArrayList<>();
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        parts.add(next(random, depth - 1));
      }
      return parts;
    }

    private static List<String> sample(Random random) {
      List<String> chosen = new ArrayList<>();
      for (String d : DISTRICTS) {
        if (random.nextInt(3) == 0) {
          chosen.add(d);
        }
      }
      return chosen.isEmpty() ? List.of(DISTRICTS.get(random.nextInt(DISTRICTS.size()))) : chosen;
    }
  }
}
