package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Aggregates over one notice's deliveries and push outcomes; only counts leave Elasticsearch. */
@Component
public class NoticeCounts {
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  NoticeCounts(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /**
   * @param residents residents the notice was delivered to (any version)
   * @param byChannel deliveries per channel
   * @param pushes push outcomes per device
   * @param feedback residents per kind of feedback (OPENED, USEFUL, NOT_INTERESTED, DISMISSED)
   */
  public record Counts(
      long residents,
      Map<String, Long> byChannel,
      Map<String, Long> pushes,
      Map<String, Long> feedback) {}

  public Counts of(String noticeId) {
    try {
      var deliveries =
          client.search(
              s ->
                  s.index(settings.deliveries())
                      .size(0)
                      .query(q -> q.term(t -> t.field(Fields.NOTICE_ID).value(noticeId)))
                      .aggregations(
                          "residents",
                          // Exact up to 40,000 residents (the most Elasticsearch allows), close
                          // above.
                          a ->
                              a.cardinality(
                                  c -> c.field(Fields.RESIDENT_ID).precisionThreshold(40_000)))
                      .aggregations("channels", a -> a.terms(t -> t.field(Fields.CHANNEL))),
              Void.class);
      var pushes =
          client.search(
              s ->
                  s.index(settings.pushResults())
                      .size(0)
                      .query(q -> q.term(t -> t.field(Fields.NOTICE_ID).value(noticeId)))
                      .aggregations("outcomes", a -> a.terms(t -> t.field(Fields.OUTCOME))),
              Void.class);
      // One document per resident, notice and kind: a kind's documents are its residents.
      var feedback =
          client.search(
              s ->
                  s.index(settings.feedback())
                      .size(0)
                      .query(q -> q.term(t -> t.field(Fields.NOTICE_ID).value(noticeId)))
                      .aggregations("kinds", a -> a.terms(t -> t.field(Fields.KIND))),
              Void.class);
      return new Counts(
          deliveries.aggregations().get("residents").cardinality().value(),
          buckets(deliveries.aggregations().get("channels").sterms().buckets().array()),
          buckets(pushes.aggregations().get("outcomes").sterms().buckets().array()),
          buckets(feedback.aggregations().get("kinds").sterms().buckets().array()));
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  private static Map<String, Long> buckets(List<StringTermsBucket> buckets) {
    Map<String, Long> counts = new LinkedHashMap<>();
    buckets.forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
    return counts;
  }
}
