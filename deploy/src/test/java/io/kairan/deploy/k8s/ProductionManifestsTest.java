package io.kairan.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The production manifests in deploy/k8s say what the code says: every topic the code defines
 * (model Topics and each API-owned topic's {@code TOPIC} constant) with its configuration and three
 * replicas, the job's entry class and arguments, the ports, probes and settings the services read,
 * and the releases the build uses. A topic, port or setting added in code fails here until the
 * manifests have it.
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
  void everyTopicTheCodeDefinesIsDeclaredWithThreeReplicasAndNoOtherIs() throws Exception {
    Set<String> inCode = new TreeSet<>(Topics.all());
    Set<String> api = apiTopics();
    inCode.addAll(api);
    Set<String> declared = new TreeSet<>();
    for (var topic : ofKind("kafka.yaml", "KafkaTopic")) {
      declared.add(at(topic, "spec", "topicName"));
      assertThat((Integer) at(topic, "spec", "replicas")).as("%s", topic).isEqualTo(3);
      assertThat(String.valueOf((Object) at(topic, "spec", "config", "min.insync.replicas")))
          .isEqualTo("2");
    }

    assertThat(api)
        .as("the API's own topics, found by their TOPIC constants")
        .contains("notices.scheduled.v1", "notices.approvals.v1", "notices.drafts.v1");
    assertThat(declared).isEqualTo(inCode);
  }

  @Test
  void eachTopicOfTheModelHasTheConfigurationItIsCreatedWithLocally() throws Exception {
    Map<String, Map<String, Object>> configs = new HashMap<>();
    for (var topic : ofKind("kafka.yaml", "KafkaTopic")) {
      configs.put(at(topic, "spec", "topicName"), at(topic, "spec", "config"));
    }
    for (String topic : Topics.all()) {
      Map<String, String> declared = new HashMap<>();
      configs.get(topic).forEach((k, v) -> declared.put(k, String.valueOf(v)));
      declared.remove("min.insync.replicas");
      assertThat(declared).as(topic).isEqualTo(Topics.configOf(topic));
    }
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
    assertThat(args.get(args.indexOf("--bootstrap-servers") + 1))
        .isEqualTo(bootstrapService() + ":9092");
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
      for (Object env : (List<?>) container.get("env")) {
        String name = at(env, "name");
        assertThat(
                placeholders.contains(name)
                    || name.startsWith("KAIRAN_SECURITY_")
                    || Set.of("GOOGLE_APPLICATION_CREDENTIALS", "JAVA_TOOL_OPTIONS").contains(name))
            .as("%s sets %s, which the service reads", service.manifest(), name)
            .isTrue();
        if (name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
          assertThat((String) at(env, "value")).isEqualTo(bootstrapService() + ":9092");
        }
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
