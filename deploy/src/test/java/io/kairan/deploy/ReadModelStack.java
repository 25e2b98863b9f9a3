package io.kairan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.model.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The API's read model for an IT, without the Flink job: a real broker, a real Elasticsearch and
 * one API instance on a fixed clock, and a producer to write to the topics as the job would.
 */
final class ReadModelStack implements AutoCloseable {
  final Path dir;
  final KafkaBroker kafka;
  final ElasticsearchServer elasticsearch;
  final ApiInstance api;
  private final KafkaProducer<String, String> producer;
  private final HttpClient http = HttpClient.newHttpClient();

  private ReadModelStack(
      Path dir,
      KafkaBroker kafka,
      ElasticsearchServer elasticsearch,
      ApiInstance api,
      KafkaProducer<String, String> producer) {
    this.dir = dir;
    this.kafka = kafka;
    this.elasticsearch = elasticsearch;
    this.api = api;
    this.producer = producer;
  }

  static ReadModelStack start(String name, Clock clock) throws Exception {
    Path dir = Files.createTempDirectory("kairan-" + name + "-");
    // Elasticsearch runs as another user and must reach its directory inside this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    ElasticsearchServer elasticsearch =
        ElasticsearchServer.start(
            Path.of(System.getProperty("kairan.elasticsearch.home")),
            dir.resolve("elasticsearch"),
            Ports.free(),
            "512m");
    ApiInstance api = ApiInstance.start(kafka.bootstrapServers(), elasticsearch.url(), clock);
    var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    return new ReadModelStack(dir, kafka, elasticsearch, api, producer);
  }

  /** One record, sent and acknowledged. */
  void write(String topic, String key, String json) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, json)).get();
  }

  /** A call to Elasticsearch with a JSON body (or none), its answer read as JSON. */
  JsonNode elasticsearch(String method, String path, String body) throws Exception {
    var request = ApiInstance.json(elasticsearch.url() + path, method, body).build();
    return Json.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {producer, api, elasticsearch, kafka}) {
      c.close();
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
