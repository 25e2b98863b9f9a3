package io.kairan.api.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.kairan.api.search.NoticeDocument;
import io.kairan.api.search.SearchAnalysis;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.Feedback;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Elasticsearch in step with Kafka. Writes are idempotent: notices carry their version as an
 * external version (an older or repeated version is a no-op), deliveries their derived id.
 */
@Component
class Indexer {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  private static final int DELETE_PAGE = 1000;
  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final IndexSetup setup;
  private final SearchAnalysis analysis;

  Indexer(
      ElasticsearchClient client,
      ElasticsearchSettings settings,
      IndexSetup setup,
      SearchAnalysis analysis) {
    this.client = client;
    this.settings = settings;
    this.setup = setup;
    this.analysis = analysis;
  }

  @KafkaListener(id = "notice-indexer", topics = Topics.NOTICES, batch = "true")
  void notices(List<ConsumerRecord<String, String>> records) throws IOException {
    setup.ensure();
    var bulk = new BulkRequest.Builder();
    int operations = 0;
    for (var record : records) {
      Notice notice = parse(record, Notice.class);
      if (notice == null) {
        continue;
      }
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(settings.notices())
                          .id(notice.id())
                          .version((long) notice.version())
                          .versionType(VersionType.External)
                          // With the terms a resident's search looks for (package api.search).
                          .document(NoticeDocument.of(notice, analysis))));
      operations++;
    }
    execute(bulk, operations);
  }

  @KafkaListener(id = "delivery-indexer", topics = Topics.DELIVERIES, batch = "true")
  void deliveries(List<ConsumerRecord<String, String>> records) throws IOException {
    setup.ensure();
    var bulk = new BulkRequest.Builder();
    int operations = 0;
    for (var record : records) {
      Delivery delivery = parse(record, Delivery.class);
      if (delivery == null) {
        continue;
      }
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(settings.deliveries())
                          .id(delivery.id())
                          .routing(delivery.residentId())
                          .document(delivery)));
      operations++;
    }
    execute(bulk, operations);
  }

  /**
   * Push outcomes, for the notices' figures and coverage; one document per (delivery, device). The
   * resident id is kept for coverage (who was not reached) and erased with the resident.
   */
  @KafkaListener(id = "push-result-indexer", topics = Topics.PUSH_RESULTS, batch = "true")
  void pushResults(List<ConsumerRecord<String, String>> records) throws IOException {
    setup.ensure();
    var bulk = new BulkRequest.Builder();
    int operations = 0;
    for (var record : records) {
      PushResult result = parse(record, PushResult.class);
      // A district-topic message reached no one device: the figures count pushes to devices.
      if (result == null || result.isBroadcast()) {
        continue;
      }
      var doc = new java.util.HashMap<String, String>();
      doc.put(Fields.NOTICE_ID, result.noticeId());
      doc.put(Fields.OUTCOME, result.outcome().name());
      doc.put(Fields.AT, result.at().toString());
      if (result.residentId() != null) {
        doc.put(Fields.RESIDENT_ID, result.residentId());
      }
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(settings.pushResults())
                          .id(result.deliveryId() + "/" + result.deviceId())
                          .document(doc)));
      operations++;
    }
    execute(bulk, operations);
  }

  /**
   * Feedback, for the notices' figures: one document per resident, notice and kind, so a notice
   * opened twice counts one resident.
   */
  @KafkaListener(id = "feedback-indexer", topics = Topics.FEEDBACK, batch = "true")
  void feedback(List<ConsumerRecord<String, String>> records) throws IOException {
    setup.ensure();
    var bulk = new BulkRequest.Builder();
    int operations = 0;
    for (var record : records) {
      Feedback feedback = parse(record, Feedback.class);
      if (feedback == null) {
        continue;
      }
      var doc =
          java.util.Map.of(
              Fields.NOTICE_ID,
              feedback.noticeId(),
              Fields.RESIDENT_ID,
              feedback.residentId(),
              Fields.KIND,
              feedback.kind().name(),
              Fields.AT,
              feedback.at().toString());
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(settings.feedback())
                          .id(
                              feedback.noticeId()
                                  + "/"
                                  + feedback.residentId()
                                  + "/"
                                  + feedback.kind())
                          .document(doc)));
      operations++;
    }
    execute(bulk, operations);
  }

  /**
   * A profile tombstone removes the resident's deliveries, push results and feedback from the read
   * model.
   */
  @KafkaListener(id = "resident-eraser", topics = Topics.PROFILES)
  void profiles(ConsumerRecord<String, String> record) throws IOException {
    if (record.value() != null || record.key() == null) {
      return;
    }
    String residentId = record.key();
    setup.ensure();
    // The server from Maven Central has no reindex module, so no _delete_by_query: page and delete.
    erase(settings.feedback(), residentId, null);
    erase(settings.pushResults(), residentId, null);
    erase(settings.deliveries(), residentId, residentId);
  }

  /**
   * Deletes every document of the resident's in an index ({@code routing}: the index routes by).
   */
  private void erase(String index, String residentId, String routing) throws IOException {
    while (true) {
      List<Hit<Void>> hits =
          client
              .search(
                  s -> {
                    s.index(index)
                        .query(q -> q.term(t -> t.field(Fields.RESIDENT_ID).value(residentId)))
                        .size(DELETE_PAGE)
                        .source(src -> src.fetch(false));
                    return routing == null ? s : s.routing(routing);
                  },
                  Void.class)
              .hits()
              .hits();
      if (hits.isEmpty()) {
        return;
      }
      var bulk =
          new BulkRequest.Builder().refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
      hits.forEach(
          hit ->
              bulk.operations(
                  op ->
                      op.delete(
                          d -> {
                            d.index(index).id(hit.id());
                            return routing == null ? d : d.routing(routing);
                          })));
      execute(bulk, hits.size());
    }
  }

  private <T> T parse(ConsumerRecord<String, String> record, Class<T> type) {
    try {
      return Json.read(record.value(), type);
    } catch (InvalidRecordException e) {
      // The recommender dead-letters what it cannot read; the read model just leaves it out.
      log.warn(
          "skipping unreadable {} at {}-{}@{}: {}",
          type.getSimpleName(),
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return null;
    }
  }

  private void execute(BulkRequest.Builder bulk, int operations) throws IOException {
    if (operations == 0) {
      return;
    }
    BulkResponse response = client.bulk(bulk.build());
    if (!response.errors()) {
      return;
    }
    for (BulkResponseItem item : response.items()) {
      // A version conflict means a newer (or the same) version is already there: done.
      if (item.error() != null
          && !"version_conflict_engine_exception".equals(item.error().type())) {
        throw new IOException("indexing " + item.id() + " failed: " + item.error().reason());
      }
    }
  }
}
