package io.kairan.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.index.ElasticsearchAccess;
import io.kairan.model.KafkaClientSecurity;
import io.kairan.model.TopicDefinition;
import io.kairan.model.Topics;
import io.kairan.recommender.job.KairanJob;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production manifests in deploy/k8s say what the code says: every topic as the one definition
 * (model {@code Topics.definitions}) has it for twelve partitions and three replicas, and each
 * API-owned topic's {@code TOPIC} constant in it; every Kafka client on SCRAM over TLS as a
 * declared user, the API on ECK's CA and user; the job's entry class and arguments, the ports,
 * probes and settings the services read, and the releases the build uses. A topic, port or setting
 * added in code fails here until the manifests have it.
 */
class ProductionManifestsTest {
  private static final Path K8S = Path.of("k8s");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : yaml.loadAll(Files.readString(K8S.resolve(file)))) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object here = node;
    for (String key : path) {
      here = here instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return (T) here;
  }

  private static List<Map<String, Object>> ofKind(String file, String kind) throws IOException {
    return documents(file).stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  /** Each API-owned topic: a {@code public static final String TOPIC} in the API's classes. */
  private static Set<String> apiTopics() throws Exception {
    Set<String> topics = new TreeSet<>();
    var resolver = new PathMatchingResourcePatternResolver();
    for (Resource r : resolver.getResources("classpath*:io/kairan/api/**/*.class")) {
      String path = r.getURL().toString();
      String name =
          path.substring(path.indexOf("io/kairan/api/"), path.length() - ".class".length())
              .replace('/', '.');
      if (name.contains("$")) {
        continue;
      }
      for (Field f :
          Class.forName(name, false, ProductionManifestsTest.class.getClassLoader())
              .getDeclaredFields()) {
        int m = f.getModifiers();
        if (f.getName().equals("TOPIC")
            && f.getType() == String.class
            && Modifier.isStatic(m)
            && Modifier.isFinal(m)) {
          f.setAccessible(true);
          topics.add((String) f.get(null));
        }
      }
    }
    return topics;
  }

  @Test
  void everyTopicIsDeclaredAsTheOneDefinitionSaysForTwelvePartitionsAndThreeReplicasAndNoOtherIs()
      throws Exception {
    Map<String, TopicDefinition> declared = new TreeMap<>();
    for (var topic : ofKind("kafka.yaml", "KafkaTopic")) {
      Map<String, String> config = new TreeMap<>();
      Map<String, Object> given = at(topic, "spec", "config");
      given.forEach((k, v) -> config.put(k, String.valueOf(v)));
      String name = at(topic, "spec", "topicName");
      declared.put(
          name,
          new TopicDefinition(
              name, at(topic, "spec", "partitions"), at(topic, "spec", "replicas"), config));
    }
    Map<String, TopicDefinition> defined = new TreeMap<>();
    Topics.definitions(12, 3).forEach(d -> defined.put(d.name(), d));

    assertThat(declared).isEqualTo(defined);
    // Pinned by hand: a compacted keyed topic, a resident log, one of the API's books.
    assertThat(declared.get("profiles.v1"))
        .isEqualTo(
            new TopicDefinition(
                "profiles.v1",
                12,
                3,
                Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")));
    assertThat(declared.get("deliveries.v1").config()).containsEntry("retention.ms", "2592000000");
    assertThat(declared.get("notices.scheduled.v1").partitions()).isEqualTo(1);
  }

  @Test
  void everyTopicTheApiNamesIsInTheDefinition() throws Exception {
    Set<String> api = apiTopics();

    assertThat(api)
        .as("the API's own topics, found by their TOPIC constants")
        .contains("notices.scheduled.v1", "notices.approvals.v1", "notices.drafts.v1");
    assertThat(Topics.all()).containsAll(api);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyKafkaClientUsesScramOverTlsOnTheOnlyClientListenerAsAUserTheClusterDeclares()
      throws Exception {
    var kafka = ofKind("kafka.yaml", "Kafka").get(0);
    List<Map<String, Object>> listeners = at(kafka, "spec", "kafka", "listeners");
    assertThat(listeners).hasSize(1);
    var listener = listeners.get(0);
    assertThat((Boolean) listener.get("tls")).isTrue();
    assertThat((String) at(listener, "authentication", "type")).isEqualTo("scram-sha-512");
    int port = (Integer) listener.get("port");
    Set<String> users = new HashSet<>();
    for (var user : ofKind("kafka.yaml", "KafkaUser")) {
      assertThat((String) at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
      users.add(at(user, "metadata", "name"));
    }
    String cluster = at(kafka, "metadata", "name");

    for (var client :
        List.of(
            container("api.yaml", "Deployment"),
            container("push.yaml", "Deployment"),
            container("flink.yaml", "FlinkDeployment"))) {
      Map<String, Object> env = new HashMap<>();
      for (Object e : (List<?>) client.container().get("env")) {
        env.put(at(e, "name"), e);
      }
      String user = at(env.get("KAFKA_SASL_USERNAME"), "value");
      assertThat(
              KafkaClientSecurity.from(
                  name -> name.startsWith("KAFKA_SSL") ? null : value(env, name, user)))
          .as(client.manifest())
          .hasToString("SASL_SSL, SCRAM-SHA-512 as " + user + ", the JDK's trusted CAs");
      assertThat(users).as(client.manifest()).contains(user);
      assertThat((String) at(env.get("KAFKA_SASL_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
          .isEqualTo(user);
      assertThat((String) at(env.get("KAFKA_SASL_PASSWORD"), "valueFrom", "secretKeyRef", "key"))
          .isEqualTo("password");
      String truststore = at(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), "value");
      assertThat(mountedSecret(client, truststore)).isEqualTo(cluster + "-cluster-ca-cert");
      String bootstrap =
          env.containsKey("KAFKA_BOOTSTRAP_SERVERS")
              ? at(env.get("KAFKA_BOOTSTRAP_SERVERS"), "value")
              : client.args().get(client.args().indexOf("--bootstrap-servers") + 1);
      assertThat(bootstrap).as(client.manifest()).isEqualTo(bootstrapService() + ":" + port);
    }
  }

  /** A setting's value for the check: the password, from a Secret, stands in as "secret". */
  private static String value(Map<String, Object> env, String name, String user) {
    Object e = env.get(name);
    if (e == null) {
      return null;
    }
    String v = at(e, "value");
    return v != null ? v : "secret-of-" + user;
  }

  private record Client(
      String manifest, Map<String, Object> pod, Map<String, Object> container, List<String> args) {}

  @SuppressWarnings("unchecked")
  private static Client container(String manifest, String kind) throws IOException {
    var doc = ofKind(manifest, kind).get(0);
    Map<String, Object> pod =
        kind.equals("FlinkDeployment")
            ? at(doc, "spec", "podTemplate", "spec")
            : at(doc, "spec", "template", "spec");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    List<String> args = kind.equals("FlinkDeployment") ? at(doc, "spec", "job", "args") : List.of();
    return new Client(manifest, pod, container, args);
  }

  /** The Secret whose file a path in the container is, through its volume mount. */
  private static String mountedSecret(Client client, String file) {
    for (Object mount : (List<?>) client.container().get("volumeMounts")) {
      String path = at(mount, "mountPath");
      if (file.startsWith(path + "/")) {
        for (Object volume : (List<?>) client.pod().get("volumes")) {
          if (at(volume, "name").equals(at(mount, "name"))) {
            return at(volume, "secret", "secretName");
          }
        }
      }
    }
    return null;
  }

  @Test
  void theApiTrustsEcksCaAndSignsInAsEcksUser() throws Exception {
    var api = container("api.yaml", "Deployment");
    Map<String, Object> env = new HashMap<>();
    for (Object e : (List<?>) api.container().get("env")) {
      env.put(at(e, "name"), e);
    }
    String cluster = at(ofKind("elasticsearch.yaml", "Elasticsearch").get(0), "metadata", "name");

    assertThat((String) at(env.get("ELASTICSEARCH_URL"), "value"))
        .isEqualTo("https://" + cluster + "-es-http.kairan.svc:9200");
    assertThat(mountedSecret(api, at(env.get("ELASTICSEARCH_CA_CERTIFICATE"), "value")))
        .isEqualTo(cluster + "-es-http-certs-public");
    assertThat((String) at(env.get("ELASTICSEARCH_USERNAME"), "value")).isEqualTo("elastic");
    assertThat((String) at(env.get("ELASTICSEARCH_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
        .isEqualTo(cluster + "-es-elastic-user");
  }

  @Test
  void theClusterReplicatesThreeTimesAndAcksNeedTwoInSyncReplicas() throws Exception {
    var kafka = ofKind("kafka.yaml", "Kafka").get(0);
    var pool = ofKind("kafka.yaml", "KafkaNodePool").get(0);

    assertThat((Integer) at(pool, "spec", "replicas")).isEqualTo(3);
    assertThat((Integer) at(kafka, "spec", "kafka", "config", "default.replication.factor"))
        .isEqualTo(3);
    assertThat((Integer) at(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
    assertThat((Boolean) at(kafka, "spec", "kafka", "config", "auto.create.topics.enable"))
        .isFalse();
  }

  @Test
  void theJobRunsTheRecommendersEntryClassOnRocksDbWithIncrementalCheckpointsAndSavepointUpgrades()
      throws Exception {
    var flink = ofKind("flink.yaml", "FlinkDeployment").get(0);

    assertThat((String) at(flink, "spec", "job", "entryClass"))
        .isEqualTo(KairanJob.class.getName());
    List<String> args = at(flink, "spec", "job", "args");
    assertThat(args).contains("--bootstrap-servers", "--group-id");
    assertThat((String) at(flink, "spec", "job", "upgradeMode")).isEqualTo("savepoint");
    Map<String, Object> config = at(flink, "spec", "flinkConfiguration");
    assertThat(config)
        .containsEntry("state.backend.type", "rocksdb")
        .containsEntry("execution.checkpointing.incremental", "true")
        .containsEntry("pipeline.generic-types", "false");
    assertThat((String) config.get("execution.checkpointing.dir")).startsWith("s3://");
  }

  /** The Strimzi bootstrap service of the cluster the manifests name. */
  private static String bootstrapService() throws IOException {
    String cluster = at(ofKind("kafka.yaml", "Kafka").get(0), "metadata", "name");
    return cluster + "-kafka-bootstrap.kairan.svc";
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiAndPushListenProbeAndAreConfiguredAsTheirSettingsFilesSay() throws Exception {
    for (var service :
        List.of(
            new Service("api.yaml", "kairan-api.yml", "../api"),
            new Service("push.yaml", "kairan-push.yml", "../push"))) {
      var deployment = ofKind(service.manifest(), "Deployment").get(0);
      Map<String, Object> container =
          ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers"))
              .get(0);
      String settings =
          Files.readString(Path.of(service.module(), "src/main/resources", service.settings()));
      Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(settings);
      assertThat(port.find()).isTrue();

      assertThat((Integer) at(((List<?>) container.get("ports")).get(0), "containerPort"))
          .as(service.manifest())
          .isEqualTo(Integer.parseInt(port.group(1)));
      assertThat(settings).as("probes enabled").containsPattern("probes:\\s+enabled: true");
      assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
          .isEqualTo("/actuator/health/liveness");
      assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
          .isEqualTo("/actuator/health/readiness");
      Set<String> placeholders = new HashSet<>();
      Matcher p = Pattern.compile("\\$\\{([A-Z_]+)").matcher(settings);
      while (p.find()) {
        placeholders.add(p.group(1));
      }
      // What the services read from the environment besides their settings files' placeholders.
      placeholders.addAll(KafkaClientSecurity.VARIABLES);
      if (service.module().endsWith("api")) {
        placeholders.addAll(ElasticsearchAccess.VARIABLES);
      }
      for (Object env : (List<?>) container.get("env")) {
        String name = at(env, "name");
        assertThat(
                placeholders.contains(name)
                    || name.startsWith("KAIRAN_SECURITY_")
                    || Set.of("GOOGLE_APPLICATION_CREDENTIALS", "JAVA_TOOL_OPTIONS").contains(name))
            .as("%s sets %s, which the service reads", service.manifest(), name)
            .isTrue();
      }
    }
  }

  private record Service(String manifest, String settings, String module) {}

  @Test
  void imagesAndReleasesAreTheOnesTheBuildMakesAndTestsWith() throws Exception {
    String pom = Files.readString(Path.of("../pom.xml"));
    String version = firstGroup(pom, "<version>([^<]+)</version>").replace("-SNAPSHOT", "");
    String elasticsearch = firstGroup(pom, "<elasticsearch.version>([^<]+)<");

    assertThat((String) at(ofKind("elasticsearch.yaml", "Elasticsearch").get(0), "spec", "version"))
        .isEqualTo(elasticsearch);
    assertThat((String) at(ofKind("flink.yaml", "FlinkDeployment").get(0), "spec", "image"))
        .endsWith("/kairan/recommender:" + version);
    for (String file : List.of("api.yaml", "push.yaml")) {
      var deployment = ofKind(file, "Deployment").get(0);
      String image =
          at(((List<?>) at(deployment, "spec", "template", "spec", "containers")).get(0), "image");
      assertThat(image).endsWith(":" + version);
    }
  }

  private static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
