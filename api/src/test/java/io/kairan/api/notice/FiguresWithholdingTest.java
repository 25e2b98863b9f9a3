package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.index.NoticeCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No figure points at fewer than ten people: such counts are withheld, not rounded. */
class FiguresWithholdingTest {

  @Test
  void countsUnderTenAreWithheldAndTenOrMoreShown() {
    var counts =
        new NoticeCounts.Counts(
            10, Map.of("PUSH_NOW", 9L, "FEED_ONLY", 10L), Map.of("SENT", 1L, "INVALID_TOKEN", 0L));

    NoticeFigures figures = FiguresReader.withheld("n-1", counts);

    assertThat(figures.residents()).isEqualTo(10L);
    assertThat(figures.byChannel()).containsEntry("FEED_ONLY", 10L).containsEntry("PUSH_NOW", null);
    assertThat(figures.pushes()).containsEntry("SENT", null).containsEntry("INVALID_TOKEN", null);
    assertThat(figures.minimumGroup()).isEqualTo(10);
  }

  @Test
  void nineResidentsAreWithheld() {
    var counts = new NoticeCounts.Counts(9, Map.of(), Map.of());

    assertThat(FiguresReader.withheld("n-1", counts).residents()).isNull();
  }
}
