package io.kairan.deploy.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.kairan.api.index.ElasticsearchSettings;
import io.kairan.api.index.Fields;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The API's read model on the stack's Elasticsearch, reached directly: it writes a {@link
 * FeedCorpus} in the documents the API's indexer writes (the codec's JSON; notices by id with their
 * version as external version, deliveries by id routed by resident), and it reads a feed page with
 * the feed reader's own two queries, the baseline the API's feed is compared with. The client is
 * built as the API builds its own (default connection pool, the model's codec).
 */
final class FeedReadModel implements Closeable {
  private static final int BULK = 5_000;
  // The stack's API runs without an index prefix.
  private final ElasticsearchSettings indices;
  private final RestClient rest;
  private final ElasticsearchClient client;

  FeedReadModel(String url) {
    indices = new ElasticsearchSettings(url, "", 0);
    rest = RestClient.builder(HttpHost.create(url)).build();
    client =
        new ElasticsearchClient(
            new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper())));
  }

  /** Writes the corpus; the API must have created its indices (it does so when it starts). */
  void write(FeedCorpus corpus) throws IOException {
    for (String index : List.of(indices.notices(), indices.deliveries())) {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        throw new IllegalStateException(
            "the API has not created the index " + index + ": is it connected to Elasticsearch?");
      }
    }
    var notices = new BulkRequest.Builder();
    for (Notice notice : corpus.notices()) {
      notices.operations(
          op ->
              op.index(
                  i ->
                      i.index(indices.notices())
                          .id(notice.id())
                          .version((long) notice.version())
                          .versionType(VersionType.External)
                          .document(notice)));
    }
    check(client.bulk(notices.build()));
    // Two bulk requests in flight: Elasticsearch indexes one while the next is being built.
    var inFlight = new Semaphore(2);
    var senders = Executors.newFixedThreadPool(2);
    var failure = new AtomicReference<Exception>();
    var written = new AtomicLong();
    long started = System.nanoTime();
    try {
      List<Delivery> batch = new ArrayList<>(BULK);
      for (int r = 0; r < corpus.residents() && failure.get() == null; r++) {
        batch.addAll(corpus.deliveriesFor(r));
        if (batch.size() >= BULK || r == corpus.residents() - 1) {
          List<Delivery> toSend = batch;
          batch = new ArrayList<>(BULK);
          inFlight.acquire();
          senders.execute(
              () -> {
                try {
                  check(client.bulk(deliveries(toSend)));
                  long total = written.addAndGet(toSend.size());
                  if (total / 200_000 != (total - toSend.size()) / 200_000) {
                    System.out.printf(
                        "[bench] %,d deliveries indexed (%.0f s)%n",
                        total, (System.nanoTime() - started) / 1e9);
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                } finally {
                  inFlight.release();
                }
              });
        }
      }
      inFlight.acquire(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing deliveries", e);
    } finally {
      senders.shutdownNow();
    }
    if (failure.get() != null) {
      throw new IOException("indexing deliveries failed", failure.get());
    }
    client.indices().refresh(r -> r.index(indices.notices(), indices.deliveries()));
  }

  private BulkRequest deliveries(List<Delivery> batch) {
    var bulk = new BulkRequest.Builder();
    for (Delivery delivery : batch) {
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(indices.deliveries())
                          .id(delivery.id())
                          .routing(delivery.residentId())
                          .document(delivery)));
    }
    return bulk.build();
  }

  private static void check(BulkResponse response) throws IOException {
    if (response.errors()) {
      var failed = response.items().stream().filter(i -> i.error() != null).findFirst();
      throw new IOException(
          "bulk indexing failed: " + failed.map(i -> i.id() + " " + i.error().reason()).orElse(""));
    }
  }

  /** How many deliveries the index holds. */
  long deliveriesIndexed() throws IOException {
    return client.count(c -> c.index(indices.deliveries())).count();
  }

  /**
   * A first feed page read as the API's feed reader reads it: the resident's newest deliveries
   * (three per item, routed to the resident's shard), then the notices' current versions in one
   * multi-get; answers how many live notices the page shows.
   */
  int page(String residentId, int size, Instant now) throws IOException {
    List<Delivery> newest =
        client
            .search(
                s ->
                    s.index(indices.deliveries())
                        .routing(residentId)
                        .query(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)))
                        .sort(o -> o.field(f -> f.field(Fields.DECIDED_AT).order(SortOrder.Desc)))
                        .size(size * 3),
                Delivery.class)
            .hits()
            .hits()
            .stream()
            .map(Hit::source)
            .toList();
    List<String> ids = newest.stream().map(Delivery::noticeId).distinct().toList();
    if (ids.isEmpty()) {
      return 0;
    }
    Set<String> live = new HashSet<>();
    for (MultiGetResponseItem<Notice> item :
        client.mget(m -> m.index(indices.notices()).ids(ids), Notice.class).docs()) {
      if (item.isResult() && item.result().found()) {
        Notice notice = item.result().source();
        if (!notice.isWithdrawn() && !notice.validity().isOver(now)) {
          live.add(notice.id());
        }
      }
    }
    return Math.min(size, live.size());
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
