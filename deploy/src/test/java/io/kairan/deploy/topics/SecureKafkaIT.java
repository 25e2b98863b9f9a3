package io.kairan.deploy.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.kafka.KafkaClientSecurityConfig;
import io.kairan.api.kafka.TopicReplay;
import io.kairan.deploy.cli.Tool;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.ingest.publish.KafkaClients;
import io.kairan.model.DeadLetter;
import io.kairan.model.KafkaClientSecurity;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.push.KafkaSecurityConfig;
import io.kairan.recommender.job.JobKafkaConnectors;
import io.kairan.recommender.job.JobSettings;
import io.kairan.testkit.tls.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * A real broker whose client listener takes only SASL/SCRAM-SHA-512 over TLS (a certificate the
 * test makes with keytool): the topics command creates Kairan's topics through it, the clients the
 * API, push, the job and ingest build from their configuration produce and consume through it (the
 * job's own Kafka source and sink too, on Flink), and a wrong password or an untrusted certificate
 * fails, saying which.
 */
class SecureKafkaIT {
  private static final String USER = "kairan";
  private static final String PASSWORD = "scram-secret-7f3a";
  private static KafkaBroker kafka;
  private static KafkaBroker.SecureListener secure;
  private static SelfSignedCertificate certificate;
  private static Path dir;

  @BeforeAll
  static void startKafka(@TempDir Path tmp) throws Exception {
    dir = tmp;
    certificate = SelfSignedCertificate.make(tmp.resolve("tls"), "broker");
    secure =
        new KafkaBroker.SecureListener(
            Ports.free(), USER, PASSWORD, certificate.keyStore(), certificate.password());
    kafka = KafkaBroker.start(tmp.resolve("kafka"), Ports.free(), Ports.free(), secure);
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** What an operator would put in each service's environment for the secure listener. */
  private static Map<String, String> settings(String password, Path truststore) {
    return Map.of(
        "KAFKA_SECURITY_PROTOCOL",
        "SASL_SSL",
        "KAFKA_SASL_MECHANISM",
        "SCRAM-SHA-512",
        "KAFKA_SASL_USERNAME",
        USER,
        "KAFKA_SASL_PASSWORD",
        password,
        "KAFKA_SSL_TRUSTSTORE_LOCATION",
        truststore.toString());
  }

  private static Map<String, String> rightSettings() {
    return settings(PASSWORD, certificate.pem());
  }

  private record Run(int code, String out, String err) {}

  private static Run topicsCommand(Map<String, String> env, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    List<String> all =
        new java.util.ArrayList<>(List.of("--bootstrap-servers", secure.bootstrapServers()));
    all.addAll(List.of(args));
    int code =
        Tool.run(
            new TopicsCommand(env::get),
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Admin secureAdmin() {
    Map<String, Object> config =
        new HashMap<>(KafkaClientSecurity.from(rightSettings()::get).properties());
    config.put("bootstrap.servers", secure.bootstrapServers());
    return Admin.create(config);
  }

  @Test
  void
      theTopicsCommandCreatesEveryTopicOverSaslAndTlsAsTheLocalStackDoesThenChangesNothingAndAltersWhatDiffers()
          throws Exception {
    // The local stack's shape: 4 partitions, one replica.
    Run first = topicsCommand(rightSettings(), "--partitions", "4", "--replication", "1");

    assertThat(first.code()).as(first.out() + first.err()).isEqualTo(Tool.DONE);
    // 8 sources and their 8 dead-letter topics, the shadow deliveries, the e-mail addresses and
    // the API's 6 books: 24, counted by hand.
    assertThat(first.out().lines().filter(l -> l.startsWith("created ")).count()).isEqualTo(24);
    try (Admin admin = secureAdmin()) {
      Set<String> names = admin.listTopics().names().get();
      assertThat(names).containsAll(Topics.all());
      var described =
          admin
              .describeTopics(List.of("notices.v1", "deliveries.dlq", "residents.consents.v1"))
              .allTopicNames()
              .get();
      assertThat(described.get("notices.v1").partitions()).hasSize(4);
      assertThat(described.get("deliveries.dlq").partitions()).hasSize(4);
      assertThat(described.get("residents.consents.v1").partitions()).hasSize(1);
      assertThat(overrides(admin, "profiles.v1"))
          .isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"));
      assertThat(overrides(admin, "deliveries.v1"))
          .isEqualTo(
              Map.of(
                  "cleanup.policy", "delete",
                  "retention.ms", "2592000000",
                  "segment.ms", "86400000",
                  "min.insync.replicas", "1"));
      assertThat(overrides(admin, "operator-access.v1"))
          .isEqualTo(Map.of("retention.ms", "31622400000", "min.insync.replicas", "1"));
    }

    // The local stack's own topic creation (over the plaintext listener) finds them as it defines
    // them, and so does the command.
    kafka.createTopics();
    Run second = topicsCommand(rightSettings(), "--partitions", "4", "--replication", "1");
    assertThat(second.code()).isEqualTo(Tool.DONE);
    assertThat(second.out())
        .contains("every topic as defined (0 created)")
        .doesNotContain("created ");

    // An operator changes a compacted topic into a log and gives notices a retention.
    try (Admin admin = secureAdmin()) {
      admin
          .incrementalAlterConfigs(
              Map.of(
                  topic("profiles.v1"),
                  List.of(set("cleanup.policy", "delete")),
                  topic("notices.v1"),
                  List.of(set("retention.ms", "3600000"))))
          .all()
          .get();
    }
    Run differs = topicsCommand(rightSettings(), "--partitions", "5", "--replication", "1");
    assertThat(differs.code()).isEqualTo(TopicsCommand.DIFFERS);
    assertThat(differs.out())
        .contains("differs profiles.v1: cleanup.policy is delete, defined compact")
        .contains("differs notices.v1: retention.ms is 3600000, defined the broker's default")
        .contains("differs notices.v1: partitions is 4, defined 5")
        .doesNotContain("differs residents.consents.v1");

    Run altered =
        topicsCommand(rightSettings(), "--partitions", "5", "--replication", "1", "--alter");
    assertThat(altered.code()).as(altered.out()).isEqualTo(Tool.DONE);
    assertThat(altered.out())
        .contains("altered profiles.v1: cleanup.policy is delete, defined compact");
    Run after = topicsCommand(rightSettings(), "--partitions", "5", "--replication", "1");
    assertThat(after.code()).as(after.out()).isEqualTo(Tool.DONE);
    try (Admin admin = secureAdmin()) {
      assertThat(overrides(admin, "profiles.v1")).containsEntry("cleanup.policy", "compact");
      assertThat(overrides(admin, "notices.v1")).doesNotContainKey("retention.ms");
      assertThat(
              admin
                  .describeTopics(List.of("notices.v1"))
                  .allTopicNames()
                  .get()
                  .get("notices.v1")
                  .partitions())
          .hasSize(5);
    }
  }

  private static ConfigResource topic(String name) {
    return new ConfigResource(ConfigResource.Type.TOPIC, name);
  }

  private static AlterConfigOp set(String key, String value) {
    return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
  }

  /** The configuration set on the topic itself (not the broker's defaults). */
  private static Map<String, String> overrides(Admin admin, String name) throws Exception {
    Map<String, String> set = new TreeMap<>();
    for (ConfigEntry e :
        admin.describeConfigs(List.of(topic(name))).all().get().get(topic(name)).entries()) {
      if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
        set.put(e.name(), e.value());
      }
    }
    return set;
  }

  /** A service's producer and consumer settings, as it builds them from its configuration. */
  private record Clients(
      Function<Map<String, String>, Map<String, Object>> producer,
      Function<Map<String, String>, Map<String, Object>> consumer) {}

  private static KafkaProperties boot(Function<KafkaProperties, KafkaProperties> secure) {
    var kafka = secure.apply(new KafkaProperties());
    kafka.setBootstrapServers(List.of(SecureKafkaIT.secure.bootstrapServers()));
    return kafka;
  }

  private static Map<String, Object> withSerdes(Map<String, ?> base) {
    Map<String, Object> config = new HashMap<>(base);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  private static Map<String, Object> jobProperties(Map<String, String> env) {
    var settings =
        JobSettings.from(new String[] {"--bootstrap-servers", secure.bootstrapServers()}, env::get);
    Map<String, Object> config = new HashMap<>();
    settings.kafkaProperties().forEach((k, v) -> config.put((String) k, v));
    return withSerdes(config);
  }

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of(
            "api",
            new Clients(
                env ->
                    boot(k -> KafkaClientSecurityConfig.applyTo(k, env::get))
                        .buildProducerProperties(),
                env ->
                    TopicReplay.readerConfig(
                        boot(k -> KafkaClientSecurityConfig.applyTo(k, env::get)), "secure-it"))),
        Arguments.of(
            "push",
            new Clients(
                env -> boot(k -> KafkaSecurityConfig.secure(k, env::get)).buildProducerProperties(),
                env ->
                    boot(k -> KafkaSecurityConfig.secure(k, env::get)).buildConsumerProperties())),
        Arguments.of(
            "job", new Clients(SecureKafkaIT::jobProperties, SecureKafkaIT::jobProperties)),
        Arguments.of(
            "ingest",
            new Clients(
                env -> withSerdes(KafkaClients.settings(secure.bootstrapServers(), env::get)),
                env -> withSerdes(KafkaClients.settings(secure.bootstrapServers(), env::get)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void theClientsAServiceBuildsFromConfigurationProduceAndConsumeOverSaslAndTls(
      String service, Clients clients) throws Exception {
    String topic = "secure-" + service;
    try (Admin admin = secureAdmin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    try (var producer =
        new KafkaProducer<String, String>(clients.producer().apply(rightSettings()))) {
      producer.send(new ProducerRecord<>(topic, "k-" + service, "v-" + service)).get();
    }
    Map<String, Object> consumerConfig = clients.consumer().apply(rightSettings());
    assertThat(readAll(consumerConfig, topic, 1))
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("k-" + service, "v-" + service));
  }

  /** The first records of a one-partition topic, until {@code wanted} or 60 s. */
  private static List<ConsumerRecord<String, String>> readAll(
      Map<String, Object> config, String topic, int wanted) {
    Map<String, Object> reader = new HashMap<>(config);
    reader.remove(ConsumerConfig.GROUP_ID_CONFIG);
    reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (var consumer = new KafkaConsumer<String, String>(reader)) {
      var partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<ConsumerRecord<String, String>> read = new java.util.ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (read.size() < wanted && System.nanoTime() < end) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
      }
      return read;
    }
  }

  @Test
  void theJobsOwnKafkaSourceAndSinkReadAndWriteOverSaslAndTlsOnFlink() throws Exception {
    String topic = "secure-job.v1";
    try (Admin admin = secureAdmin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 1, (short) 1),
                  new NewTopic(Topics.deadLetter(topic), 1, (short) 1)))
          .all()
          .get();
    }
    Map<String, Object> clients = jobProperties(rightSettings());
    try (var producer = new KafkaProducer<String, String>(clients)) {
      producer.send(new ProducerRecord<>(topic, "k-job", "v-job")).get();
    }
    var settings =
        JobSettings.from(
            new String[] {
              "--bootstrap-servers", secure.bootstrapServers(), "--group-id", "secure-it-job"
            },
            rightSettings()::get);
    Instant at = Instant.parse("2026-11-26T00:00:00Z");
    var env = StreamExecutionEnvironment.createLocalEnvironment(1);
    JobKafkaConnectors.deadLetterEach(env, settings, topic, at);

    JobClient job = env.executeAsync("secure-job");
    try {
      var read = readAll(clients, Topics.deadLetter(topic), 1);
      assertThat(read).hasSize(1);
      assertThat(read.get(0).key()).isEqualTo("k-job");
      assertThat(Json.read(read.get(0).value(), DeadLetter.class))
          .isEqualTo(new DeadLetter(topic, "k-job", "v-job", "test", "secure-it", at));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheCredentialsAndThePasswordIsNeverPrinted() {
    Run run = topicsCommand(settings("not-the-password", certificate.pem()));

    assertThat(run.code()).isEqualTo(Tool.FAILED);
    assertThat(run.err())
        .startsWith("Kafka at " + secure.bootstrapServers() + " refused the credentials")
        .contains("invalid credentials with SASL mechanism SCRAM-SHA-512")
        .contains("check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
    assertThat(run.out() + run.err()).doesNotContain("not-the-password");

    Map<String, Object> apiReader =
        TopicReplay.readerConfig(
            boot(
                k ->
                    KafkaClientSecurityConfig.applyTo(
                        k, settings("not-the-password", certificate.pem())::get)),
            "secure-it");
    try (var consumer = new KafkaConsumer<String, String>(apiReader)) {
      assertThatThrownBy(() -> consumer.partitionsFor("notices.v1", Duration.ofSeconds(20)))
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials");
    }
  }

  @Test
  void aClientThatDoesNotTrustTheBrokersCertificateIsToldTlsFailed() throws Exception {
    var stranger = SelfSignedCertificate.make(dir.resolve("stranger"), "stranger");

    Run run = topicsCommand(settings(PASSWORD, stranger.pem()));

    assertThat(run.code()).isEqualTo(Tool.FAILED);
    assertThat(run.err())
        .startsWith("TLS with Kafka at " + secure.bootstrapServers() + " failed")
        .contains("check KAFKA_SSL_TRUSTSTORE_LOCATION");
  }
}
