package io.kairan.api.coverage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import io.kairan.api.index.ElasticsearchSettings;
import io.kairan.api.index.Fields;
import io.kairan.api.index.ReadModelUnavailableException;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.delivery.PushOutcome;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * Each eligible resident's reach for a notice, from the read model: its deliveries (who was
 * eligible), push results (which devices FCM accepted, which tokens were unregistered, which
 * failed, whether the fallback e-mail was accepted) and feedback (who opened it). Residents are
 * paged through with composite aggregations, so a notice to a whole city is read a few thousand
 * residents at a time.
 */
@Component
public class CoverageReader {
  private static final int PAGE = 5_000;

  /** Each count holds a notice's residents in memory: two at a time, others are asked to wait. */
  private final java.util.concurrent.Semaphore counting = new java.util.concurrent.Semaphore(2);

  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final ResidentIndex residents;
  private final CoverageMetrics metrics;

  CoverageReader(
      ElasticsearchClient client,
      ElasticsearchSettings settings,
      ResidentIndex residents,
      CoverageMetrics metrics) {
    this.client = client;
    this.settings = settings;
    this.residents = residents;
    this.metrics = metrics;
  }

  /** The coverage of a notice as shown: counts by district, small ones withheld. */
  public NoticeCoverage coverage(String noticeId) {
    NoticeCoverage coverage = NoticeCoverage.of(noticeId, reachOf(noticeId), this::districtOf);
    metrics.record(coverage);
    return coverage;
  }

  /** The residents a notice did not reach, with why and their district, in id order. */
  public List<NotReached> notReached(String noticeId) {
    var list = new java.util.ArrayList<NotReached>();
    new java.util.TreeMap<>(reachOf(noticeId))
        .forEach(
            (resident, reach) -> {
              if (!reach.reached()) {
                list.add(new NotReached(resident, districtOf(resident), reach));
              }
            });
    return list;
  }

  /** One resident not reached, for the city's own fallback (phone tree, 防災無線, 民生委員). */
  public record NotReached(String residentId, String district, Reach reason) {}

  private String districtOf(String residentId) {
    return residents.districtOf(residentId).orElse("unknown");
  }

  Map<String, Reach> reachOf(String noticeId) {
    if (!counting.tryAcquire()) {
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          "Two coverages are being counted; ask again in a few seconds.");
    }
    try {
      return reachOfCounted(noticeId);
    } finally {
      counting.release();
    }
  }

  private Map<String, Reach> reachOfCounted(String noticeId) {
    try {
      Set<String> eligible = new HashSet<>();
      each(settings.deliveries(), noticeId, Fields.RESIDENT_ID, null, (r, k) -> eligible.add(r));
      Map<String, Set<String>> outcomes = new HashMap<>();
      each(
          settings.pushResults(),
          noticeId,
          Fields.RESIDENT_ID,
          Fields.OUTCOME,
          (r, outcome) -> outcomes.computeIfAbsent(r, x -> new HashSet<>()).add(outcome));
      Set<String> opened = new HashSet<>();
      each(
          settings.feedback(),
          noticeId,
          Fields.RESIDENT_ID,
          Fields.KIND,
          (r, kind) -> {
            if ("OPENED".equals(kind)) {
              opened.add(r);
            }
          });
      Map<String, Reach> reach = new LinkedHashMap<>();
      for (String resident : eligible) {
        Set<String> got = outcomes.getOrDefault(resident, Set.of());
        reach.put(
            resident,
            Reach.of(
                got.contains(PushOutcome.SENT.name()),
                got.contains(PushOutcome.EMAILED.name()),
                opened.contains(resident),
                got.contains(PushOutcome.INVALID_TOKEN.name()),
                got.contains(PushOutcome.FAILED_AFTER_RETRIES.name())
                    || got.contains(PushOutcome.REJECTED.name())));
      }
      return reach;
    } catch (IOException | ElasticsearchException e) {
      throw new ReadModelUnavailableException(e);
    }
  }

  /** Every (resident, second field) pair of a notice's documents in an index, a page at a time. */
  private void each(
      String index,
      String noticeId,
      String residentField,
      String second,
      BiConsumer<String, String> each)
      throws IOException {
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      var sources = new java.util.ArrayList<Map<String, CompositeAggregationSource>>();
      sources.add(
          Map.of("r", CompositeAggregationSource.of(s -> s.terms(t -> t.field(residentField)))));
      if (second != null) {
        sources.add(Map.of("k", CompositeAggregationSource.of(s -> s.terms(t -> t.field(second)))));
      }
      var response =
          client.search(
              s ->
                  s.index(index)
                      .size(0)
                      .query(q -> q.term(t -> t.field(Fields.NOTICE_ID).value(noticeId)))
                      .aggregations(
                          "pairs",
                          a ->
                              a.composite(
                                  c -> {
                                    c.size(PAGE).sources(sources);
                                    return from == null ? c : c.after(from);
                                  })),
              Void.class);
      var composite = response.aggregations().get("pairs").composite();
      List<CompositeBucket> buckets = composite.buckets().array();
      for (CompositeBucket bucket : buckets) {
        String resident = bucket.key().get("r").stringValue();
        String value = second == null ? null : bucket.key().get("k").stringValue();
        each.accept(resident, value);
      }
      if (buckets.size() < PAGE || composite.afterKey() == null || composite.afterKey().isEmpty()) {
        return;
      }
      after = composite.afterKey();
    }
  }
}
