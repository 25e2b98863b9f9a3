package io.kairan.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.kairan.api.index.ElasticsearchSettings;
import io.kairan.api.index.Fields;
import io.kairan.api.index.ReadModelUnavailableException;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds, among the notices delivered to a resident, those in their current version, not withdrawn
 * and not expired (what the resident's feed may show) whose titles or bodies hold every term of the
 * query. The query is tokenized here, as the indexer tokenized the notices ({@link
 * SearchAnalysis}); Elasticsearch only splits the terms on spaces.
 */
@Component
public class NoticeSearch {
  /** The most notices one search looks among: the resident's most recently delivered. */
  static final int MAX_DELIVERED = 10_000;

  private static final String LATEST = "latest";
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final SearchAnalysis analysis;
  private final Clock clock;

  NoticeSearch(
      ElasticsearchClient client,
      ElasticsearchSettings settings,
      SearchAnalysis analysis,
      Clock clock) {
    this.client = client;
    this.settings = settings;
    this.analysis = analysis;
    this.clock = clock;
  }

  /** One notice found, with Elasticsearch's relevance score. */
  public record Found(Notice notice, double score) {}

  /**
   * Up to {@code limit} notices from the {@code from}-th found, the most relevant first (ties: the
   * newest first); empty when the query has no term (only particles, say).
   */
  public List<Found> search(String residentId, String query, int from, int limit) {
    String japanese = String.join(" ", analysis.japanese(query));
    String other = String.join(" ", analysis.standard(query));
    if (japanese.isEmpty() && other.isEmpty()) {
      return List.of();
    }
    try {
      List<String> delivered = deliveredNoticeIds(residentId);
      if (delivered.isEmpty()) {
        return List.of();
      }
      var response =
          client.search(
              s ->
                  s.index(settings.notices())
                      .query(
                          q -> q.bool(b -> visible(b, delivered).must(matching(japanese, other))))
                      .from(from)
                      .size(limit)
                      .trackScores(true)
                      .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                      .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                      .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                      // The terms are for finding, not for reading back.
                      .source(src -> src.filter(f -> f.excludes(SearchFields.FIELD))),
              Notice.class);
      List<Found> found = new ArrayList<>();
      for (Hit<Notice> hit : response.hits().hits()) {
        found.add(new Found(hit.source(), hit.score() == null ? 0 : hit.score()));
      }
      return found;
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  /** What the resident may see: delivered to them, not withdrawn, not yet over. */
  private co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder visible(
      co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder bool,
      List<String> delivered) {
    return bool.filter(f -> f.ids(i -> i.values(delivered)))
        .mustNot(m -> m.term(t -> t.field("status").value(NoticeStatus.WITHDRAWN.name())))
        .filter(
            f ->
                f.range(
                    r -> r.date(d -> d.field("validity.until").gt(clock.instant().toString()))));
  }

  /**
   * Every term in the title or body of one kind of language: Japanese terms in the Japanese texts,
   * standard terms in the others; a title counts three times a body.
   */
  private static Query matching(String japanese, String other) {
    List<Query> kinds = new ArrayList<>();
    if (!japanese.isEmpty()) {
      kinds.add(allTerms(japanese, "ja"));
    }
    if (!other.isEmpty()) {
      kinds.add(allTerms(other, "other"));
    }
    return Query.of(q -> q.bool(b -> b.should(kinds).minimumShouldMatch("1")));
  }

  private static Query allTerms(String terms, String kind) {
    String prefix = SearchFields.FIELD + "." + kind + ".";
    return Query.of(
        q ->
            q.multiMatch(
                m ->
                    m.query(terms)
                        .fields(prefix + "title^3", prefix + "body")
                        .type(TextQueryType.CrossFields)
                        .operator(Operator.And)
                        .analyzer("whitespace")));
  }

  /** The ids of the notices delivered to the resident, the most recently delivered first. */
  private List<String> deliveredNoticeIds(String residentId) throws IOException {
    var response =
        client.search(
            s ->
                s.index(settings.deliveries())
                    .routing(residentId)
                    .size(0)
                    .query(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)))
                    .aggregations(
                        "notices",
                        a ->
                            a.terms(
                                    t ->
                                        t.field(Fields.NOTICE_ID)
                                            .size(MAX_DELIVERED)
                                            .order(NamedValue.of(LATEST, SortOrder.Desc)))
                                .aggregations(LATEST, m -> m.max(x -> x.field(Fields.DECIDED_AT)))),
            Void.class);
    return response.aggregations().get("notices").sterms().buckets().array().stream()
        .map(StringTermsBucket::key)
        .map(key -> key.stringValue())
        .toList();
  }
}
