package io.kairan.ingest.publish;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kairan.ingest.alert.CapConnector;
import io.kairan.ingest.alert.MunicipalityArea;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What ingest writes to Kafka, pinned by a hand-checked golden file ({@code
 * src/test/resources/golden/ingest-records.json}): the topic, key and value of every record a short
 * import session sends through the real sink — an event list with one good and one hostile row, a
 * CAP alert, its cancellation, and its update after the cancellation (a new notice, the alert's
 * second generation). A change to what the importer puts on notices.v1 or notices.dlq (an id
 * scheme, a field, a version or status rule, a dead-letter key) is a visible change to that file.
 * The model's own golden files pin the record types; this one pins ingest's use of them.
 */
class ImportedRecordsGoldenTest {
  private static final String EVENTS =
      """
      NO,都道府県コード又は市区町村コード,名称,開始日,終了日,開始時刻,対象者,イベント種類
      1,072028,鶴ヶ城さくら祭り,2027-04-01,2027-04-30,18:00,どなたでも,観光
      2,072028,=cmd|'/c calc'!A1,2027-05-01,,,,
      """;

  private static final String ALERT =
      """
      <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>FIRE-7</identifier>
      <sender>bousai@city.aizuwakamatsu.example</sender><sent>2026-11-23T11:30:00+09:00</sent>
      <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><language>ja</language><category>Fire</category><event>火災</event>
      <urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
      <expires>2026-11-23T18:00:00+09:00</expires><headline>追手町周辺に避難指示</headline>
      <description>鶴ヶ城の北で火災が発生しています。</description><instruction>北出丸方面へは近づかないでください。</instruction>
      <area><areaDesc>追手町周辺</areaDesc><circle>37.488529,139.930187 0.42</circle></area></info>
      </alert>
      """;

  private static final String CANCEL =
      """
      <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>FIRE-7-C</identifier>
      <sender>bousai@city.aizuwakamatsu.example</sender><sent>2026-11-23T13:00:00+09:00</sent>
      <status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>
      <references>bousai@city.aizuwakamatsu.example,FIRE-7,2026-11-23T11:30:00+09:00</references>
      </alert>
      """;

  /** The fire flares up again after the all-clear: the same alert, announced anew. */
  private static final String UPDATE =
      """
      <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>FIRE-7-U</identifier>
      <sender>bousai@city.aizuwakamatsu.example</sender><sent>2026-11-23T15:00:00+09:00</sent>
      <status>Actual</status><msgType>Update</msgType><scope>Public</scope>
      <references>bousai@city.aizuwakamatsu.example,FIRE-7,2026-11-23T11:30:00+09:00</references>
      <info><language>ja</language><category>Fire</category><event>火災</event>
      <urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
      <expires>2026-11-23T21:00:00+09:00</expires><headline>追手町周辺に再び避難指示</headline>
      <area><areaDesc>追手町周辺</areaDesc><circle>37.488529,139.930187 0.42</circle></area></info>
      </alert>
      """;

  @Test
  void anImportSessionWritesExactlyTheGoldenRecords() {
    var producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    var versions = new Versions(new HashMap<>());
    var deadLettered = DeadLettered.none();
    try (var sink = new KafkaNoticeSink(producer)) {
      var importer = new Importer(sink, versions, deadLettered);
      importer.run(
          EventListConnector.withDefaultDictionaries(),
          EVENTS.getBytes(StandardCharsets.UTF_8),
          AIZU,
          "opendata-events",
          done -> {});
      var cap = new CapConnector(MunicipalityArea.shipped("072028"));
      importer.run(cap, ALERT.getBytes(StandardCharsets.UTF_8), AIZU, "cap", done -> {});
      importer.run(cap, CANCEL.getBytes(StandardCharsets.UTF_8), AIZU, "cap", done -> {});
      importer.run(cap, UPDATE.getBytes(StandardCharsets.UTF_8), AIZU, "cap", done -> {});
    }

    ArrayNode written = Json.mapper().createArrayNode();
    for (ProducerRecord<String, String> record : producer.history()) {
      written
          .addObject()
          .put("topic", record.topic())
          .put("key", record.key())
          .set("value", tree(record.value()));
    }

    assertThat(written).isEqualTo(tree(golden("ingest-records.json")));
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String golden(String name) {
    try (InputStream in = ImportedRecordsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("golden file missing: src/test/resources/golden/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
