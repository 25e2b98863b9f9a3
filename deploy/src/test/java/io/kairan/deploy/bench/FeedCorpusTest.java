package io.kairan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The feed corpus: how deliveries are shared out over residents and notices. */
class FeedCorpusTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static List<ResidentProfile> residents(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ResidentProfile(
                    String.format("r-%06d", i),
                    "072028",
                    "北会津町",
                    new GeoPoint(37.45, 139.87),
                    1980,
                    List.of(),
                    List.of("ja"),
                    Set.of(),
                    Map.of(),
                    null,
                    null,
                    Set.of(),
                    NOW))
        .toList();
  }

  @Test
  void twentyThreeDeliveriesOverFiveResidentsGiveTheFirstThreeFiveAndTheOthersFour() {
    var corpus = new FeedCorpus(residents(5), 23, 10, NOW);
    assertThat(IntStream.range(0, 5).map(corpus::deliveriesOf)).containsExactly(5, 5, 5, 4, 4);
    assertThat(IntStream.range(0, 5).map(r -> corpus.deliveriesFor(r).size()).sum()).isEqualTo(23);
  }

  @Test
  void aResidentsDeliveriesAreOfConsecutiveNoticesWrappingRoundThePool() {
    var corpus = new FeedCorpus(residents(4), 12, 5, NOW);
    List<String> ids = corpus.notices().stream().map(Notice::id).toList();
    // Resident 3 gets notices 3, 4, 0.
    assertThat(corpus.deliveriesFor(3).stream().map(Delivery::noticeId))
        .containsExactly(ids.get(3), ids.get(4), ids.get(0));
  }

  @Test
  void eachDeliveryIsIdentifiedAsTheJobIdentifiesItAndBelongsToItsResident() {
    var corpus = new FeedCorpus(residents(3), 6, 4, NOW);
    for (Delivery d : corpus.deliveriesFor(1)) {
      assertThat(d.id()).isEqualTo(DeliveryId.of(d.noticeId(), 1, "r-000001"));
      assertThat(d.residentId()).isEqualTo("r-000001");
      assertThat(d.reasons()).containsExactly("for everyone in the city");
    }
  }

  @Test
  void everyNoticeIsLiveNowAndPublishedWithinTheLast30Days() {
    var corpus = new FeedCorpus(residents(2), 4, 7, NOW);
    for (Notice n : corpus.notices()) {
      assertThat(n.validity().isOver(NOW)).isFalse();
      assertThat(n.publishedAt()).isBetween(NOW.minus(FeedCorpus.SPREAD), NOW);
    }
  }

  @Test
  void theFirstPageShowsOneItemPerDeliveryUpToThePageSize() {
    var corpus = new FeedCorpus(residents(2), 50, 30, NOW);
    assertThat(corpus.expectedItems(0, 20)).isEqualTo(20);
    assertThat(corpus.expectedItems(1, 30)).isEqualTo(25);
  }

  @Test
  void theNewestNoticeOfAResidentIsTheLatestPublishedOfTheirs() {
    var corpus = new FeedCorpus(residents(4), 12, 5, NOW);
    // Resident 3 has notices 3, 4, 0: notice 4 is published last.
    assertThat(corpus.newestNoticeOf(3)).isEqualTo(corpus.notices().get(4).id());
  }

  @Test
  void moreDeliveriesPerResidentThanNoticesIsRefusedNamingTheCounts() {
    assertThatThrownBy(() -> new FeedCorpus(residents(2), 21, 10, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("21 deliveries over 2 residents give one resident 11");
  }
}
