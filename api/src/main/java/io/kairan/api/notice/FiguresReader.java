package io.kairan.api.notice;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import io.kairan.api.index.ElasticsearchSettings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Aggregates over the read model; only counts leave Elasticsearch, never documents. */
@Component
class FiguresReader {
  static final int MINIMUM_GROUP = 10;
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;

  FiguresReader(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  NoticeFigures figures(String noticeId) throws IOException {
    var deliveries =
        client.search(
            s ->
                s.index(settings.deliveries())
                    .size(0)
                    .query(q -> q.term(t -> t.field("noticeId").value(noticeId)))
                    .aggregations("residents", a -> a.cardinality(c -> c.field("residentId")))
                    .aggregations("channels", a -> a.terms(t -> t.field("channel"))),
            Void.class);
    var pushes =
        client.search(
            s ->
                s.index(settings.pushResults())
                    .size(0)
                    .query(q -> q.term(t -> t.field("noticeId").value(noticeId)))
                    .aggregations("outcomes", a -> a.terms(t -> t.field("outcome"))),
            Void.class);
    long residents = deliveries.aggregations().get("residents").cardinality().value();
    return new NoticeFigures(
        noticeId,
        withheldBelowMinimum(residents),
        buckets(deliveries.aggregations().get("channels").sterms().buckets().array()),
        buckets(pushes.aggregations().get("outcomes").sterms().buckets().array()),
        MINIMUM_GROUP);
  }

  private static Map<String, Long> buckets(java.util.List<StringTermsBucket> buckets) {
    Map<String, Long> counts = new LinkedHashMap<>();
    buckets.forEach(b -> counts.put(b.key().stringValue(), withheldBelowMinimum(b.docCount())));
    return counts;
  }

  static Long withheldBelowMinimum(long count) {
    return count < MINIMUM_GROUP ? null : count;
  }
}
