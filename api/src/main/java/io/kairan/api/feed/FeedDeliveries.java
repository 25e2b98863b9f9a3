package io.kairan.api.feed;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.DateRangeQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import io.kairan.api.index.ElasticsearchSettings;
import io.kairan.api.index.Fields;
import io.kairan.api.index.ReadModelUnavailableException;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Category;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The reads of a resident's deliveries and feedback that the feed needs, on the resident's own
 * shard (deliveries are routed by resident id). Sorted by the feed's key: decidedAt, then the
 * delivery id, both descending, so every delivery has one place and a cursor is a key.
 */
@Component
public class FeedDeliveries {
  static final String ID = "id";
  static final String CATEGORY = "category";
  static final String PUSH_AT = "pushAt";
  static final String OPENED = "OPENED";
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  FeedDeliveries(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** A delivery with its place in the feed's order. */
  public record Keyed(Delivery delivery, long decidedAtMillis) {}

  /**
   * Up to {@code limit} of the resident's deliveries after the cursor (decided no later than the
   * walk's start), in the feed's order; only those of {@code category} when one is given.
   */
  public List<Keyed> after(String residentId, FeedCursor cursor, Category category, int limit) {
    List<Query> filters = new ArrayList<>();
    filters.add(resident(residentId));
    filters.add(decided(r -> r.lte(millis(cursor.asOfMillis()))));
    if (category != null) {
      filters.add(Query.of(q -> q.term(t -> t.field(CATEGORY).value(category.name()))));
    }
    List<FieldValue> searchAfter =
        cursor.atStart()
            ? null
            : List.of(FieldValue.of(cursor.decidedAtMillis()), FieldValue.of(cursor.deliveryId()));
    return hits(
            residentId,
            s -> {
              s.query(q -> q.bool(b -> b.filter(filters)))
                  .sort(o -> o.field(f -> f.field(Fields.DECIDED_AT).order(SortOrder.Desc)))
                  .sort(o -> o.field(f -> f.field(ID).order(SortOrder.Desc)))
                  .size(limit);
              return searchAfter == null ? s : s.searchAfter(searchAfter);
            })
        .stream()
        .map(hit -> new Keyed(hit.source(), hit.sort().get(0).longValue()))
        .toList();
  }

  /**
   * Of {@code noticeIds}, those the resident had a delivery of up to the cursor (the walk's earlier
   * pages, the cursor's own delivery included): each is shown there, at its latest delivery, and
   * not again.
   */
  public Set<String> shownBefore(String residentId, FeedCursor cursor, List<String> noticeIds) {
    if (cursor.atStart() || noticeIds.isEmpty()) {
      return Set.of();
    }
    String at = millis(cursor.decidedAtMillis());
    Query laterTime = decided(r -> r.gt(at));
    Query sameTimeFromTheCursorsId =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(decided(r -> r.gte(at).lte(at)))
                            .filter(
                                f ->
                                    f.range(
                                        r -> r.term(t -> t.field(ID).gte(cursor.deliveryId()))))));
    List<Query> filters =
        List.of(
            resident(residentId),
            decided(r -> r.lte(millis(cursor.asOfMillis()))),
            notices(noticeIds),
            Query.of(
                q ->
                    q.bool(
                        b ->
                            b.should(laterTime)
                                .should(sameTimeFromTheCursorsId)
                                .minimumShouldMatch("1"))));
    Set<String> shown = new HashSet<>();
    hits(
            residentId,
            s ->
                s.query(q -> q.bool(b -> b.filter(filters)))
                    // One hit per notice is enough to know it was shown.
                    .collapse(c -> c.field(Fields.NOTICE_ID))
                    .size(noticeIds.size()))
        .forEach(hit -> shown.add(hit.source().noticeId()));
    return shown;
  }

  /** Of {@code noticeIds}, those the resident has opened (feedback OPENED). */
  public Set<String> opened(String residentId, List<String> noticeIds) {
    if (noticeIds.isEmpty()) {
      return Set.of();
    }
    Set<String> opened = new HashSet<>();
    try {
      client
          .search(
              s ->
                  s.index(settings.feedback())
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(resident(residentId))
                                          .filter(notices(noticeIds))
                                          .filter(
                                              f ->
                                                  f.term(t -> t.field(Fields.KIND).value(OPENED)))))
                      .size(noticeIds.size()),
              FeedbackDocument.class)
          .hits()
          .hits()
          .forEach(hit -> opened.add(hit.source().noticeId()));
      return opened;
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  /** The feedback index's document, as far as the feed reads it. */
  record FeedbackDocument(String noticeId) {}

  /** The resident's latest delivery of the notice, if they ever got it. */
  public Optional<Delivery> latestOf(String residentId, String noticeId) {
    return hits(
            residentId,
            s ->
                s.query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(resident(residentId))
                                        .filter(notices(List.of(noticeId)))))
                    .sort(o -> o.field(f -> f.field(Fields.DECIDED_AT).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ID).order(SortOrder.Desc)))
                    .size(1))
        .stream()
        .map(Hit::source)
        .findFirst();
  }

  /** Up to {@code limit} of the resident's digest deliveries, the latest digest time first. */
  public List<Delivery> digest(String residentId, int limit) {
    Query digests =
        Query.of(q -> q.term(t -> t.field(Fields.CHANNEL).value(Channel.DIGEST.name())));
    return hits(
            residentId,
            s ->
                s.query(q -> q.bool(b -> b.filter(resident(residentId)).filter(digests)))
                    .sort(o -> o.field(f -> f.field(PUSH_AT).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(Fields.DECIDED_AT).order(SortOrder.Desc)))
                    .size(limit))
        .stream()
        .map(Hit::source)
        .toList();
  }

  /** The hits of a search of the resident's deliveries, on their shard. */
  private List<Hit<Delivery>> hits(
      String residentId, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> search) {
    try {
      return client
          .search(
              s -> search.apply(s.index(settings.deliveries()).routing(residentId)), Delivery.class)
          .hits()
          .hits();
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  private static Query resident(String residentId) {
    return Query.of(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)));
  }

  private static Query notices(List<String> noticeIds) {
    List<FieldValue> values = noticeIds.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(Fields.NOTICE_ID).terms(v -> v.value(values))));
  }

  /** A range of decidedAt, in epoch milliseconds. */
  private static Query decided(Function<DateRangeQuery.Builder, DateRangeQuery.Builder> range) {
    return Query.of(
        q ->
            q.range(
                r -> r.date(d -> range.apply(d.field(Fields.DECIDED_AT).format("epoch_millis")))));
  }

  private static String millis(long epochMillis) {
    return Long.toString(epochMillis);
  }
}
