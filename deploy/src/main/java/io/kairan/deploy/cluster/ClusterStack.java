package io.kairan.deploy.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.kafka.KafkaCluster;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.Ports;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kairan as a city runs it, on one machine: three Kafka brokers (replication 3, {@code
 * min.insync.replicas} 2), a Flink session cluster (a JobManager and two TaskManagers) to which the
 * job jar is submitted as an operator would, two Elasticsearch nodes (one replica of every shard),
 * and the API and push from their jars: each its own process, so each can be killed alone. The
 * city's identity provider, FCM and SMTP server are stand-ins in this JVM, as in the local stack.
 */
public final class ClusterStack implements AutoCloseable {
  /** The API's heap ({@code -Xmx}); the default fits a few hundred thousand residents. */
  public static final String API_HEAP_PROPERTY = "kairan.api.heap";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final ClusterOptions options;
  private final Path dir;
  private LocalIdentityProvider identity;
  private KafkaCluster kafka;
  private List<ElasticsearchServer> elasticsearch;
  private LocalFcmServer fcm;
  private GreenMail mail;
  private FlinkSessionCluster flink;
  private String jobId;
  private ServiceProcess api;
  private ServiceProcess push;
  private int apiPort;
  private int pushPort;

  private ClusterStack(ClusterOptions options, Path dir) {
    this.options = options;
    this.dir = dir;
  }

  /** Starts everything in dependency order; on failure stops what had started and rethrows. */
  public static ClusterStack start(ClusterOptions options) throws Exception {
    Path dir = Files.createTempDirectory("kairan-cluster-");
    // Elasticsearch runs as another user and must reach its directories inside this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    ClusterStack stack = new ClusterStack(options, dir);
    try {
      stack.startAll();
    } catch (Exception | Error e) {
      // An Error too (a class missing from a jar): nothing may outlive a start that failed.
      stack.close();
      throw e;
    }
    return stack;
  }

  private void startAll() throws Exception {
    identity = LocalIdentityProvider.start(LocalStack.ISSUER, LocalStack.AUDIENCE);
    started.push(identity);

    long t = System.nanoTime();
    kafka = KafkaCluster.start(dir.resolve("kafka"), 3);
    started.push(kafka);
    kafka.createTopics(options.partitions());
    log("Kafka (3 brokers)", t);

    t = System.nanoTime();
    elasticsearch =
        ElasticsearchServer.startCluster(
            options.elasticsearchHome(), dir.resolve("elasticsearch"), 2, "512m");
    elasticsearch.forEach(started::push);
    log("Elasticsearch (2 nodes)", t);

    fcm = LocalFcmServer.start(Ports.free(), 1_000_000);
    started.push(fcm);
    int smtpPort = Ports.free();
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    started.push(mail::stop);

    t = System.nanoTime();
    flink =
        FlinkSessionCluster.start(
            new FlinkSessionSettings(
                FlinkSessionSettings.defaultHome(),
                dir.resolve("flink"),
                options.taskManagers(),
                2,
                Ports.free(),
                "1g",
                options.taskManagerMemory()));
    started.push(flink);
    jobId =
        flink.submit(
            options.jobJar(),
            options.parallelism(),
            List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--checkpoint-interval-ms",
                String.valueOf(options.checkpointInterval().toMillis())));
    log("Flink session cluster and job (parallelism " + options.parallelism() + ")", t);

    t = System.nanoTime();
    apiPort = Ports.free();
    api =
        ServiceProcess.start(
            "api",
            options.apiJar(),
            // The API keeps a reach index of every resident: a million want about 3 GB.
            System.getProperty(API_HEAP_PROPERTY, "768m"),
            List.of(
                "--spring.main.banner-mode=off",
                "--server.port=" + apiPort,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--kairan.elasticsearch.url=" + elasticsearchUrls(),
                "--kairan.elasticsearch.replicas=1",
                "--kairan.security.jwks-uri=" + identity.jwksUri(),
                "--kairan.security.issuer=" + LocalStack.ISSUER,
                "--kairan.security.audience=" + LocalStack.AUDIENCE,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--kairan.email.from=kairan@city.example",
                "--kairan.email.link-base=http://127.0.0.1:" + apiPort,
                "--kairan.job.rest-url=" + flink.restUrl()),
            dir.resolve("api"),
            "http://127.0.0.1:" + apiPort + "/actuator/health/readiness");
    started.push(api);
    pushPort = Ports.free();
    push =
        ServiceProcess.start(
            "push",
            options.pushJar(),
            "768m",
            List.of(
                "--spring.main.banner-mode=off",
                "--server.port=" + pushPort,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--kairan.fcm.project-id=kairan-local",
                "--kairan.fcm.local-endpoint=" + fcm.endpoint(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--kairan.push.email.from=kairan@city.example",
                "--kairan.push.email.details-url=http://127.0.0.1:" + apiPort + "/app/"),
            dir.resolve("push"),
            "http://127.0.0.1:" + pushPort + "/actuator/health/readiness");
    started.push(push);
    log("API and push (own processes)", t);
  }

  private static void log(String what, long since) {
    System.out.printf("[kairan] %s up in %.1f s%n", what, (System.nanoTime() - since) / 1e9);
  }

  public String elasticsearchUrls() {
    return elasticsearch.stream().map(ElasticsearchServer::url).collect(Collectors.joining(","));
  }

  public KafkaCluster kafka() {
    return kafka;
  }

  public List<ElasticsearchServer> elasticsearch() {
    return elasticsearch;
  }

  public FlinkSessionCluster flink() {
    return flink;
  }

  public String jobId() {
    return jobId;
  }

  public ServiceProcess api() {
    return api;
  }

  public ServiceProcess push() {
    return push;
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + apiPort;
  }

  public String pushUrl() {
    return "http://127.0.0.1:" + pushPort;
  }

  public LocalFcmServer fcm() {
    return fcm;
  }

  public GreenMail mail() {
    return mail;
  }

  /** RS256 tokens the API accepts, signed with this run's key. */
  public TokenIssuer tokens() {
    return identity.tokens();
  }

  public Path dir() {
    return dir;
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("[kairan] while stopping: " + e);
      }
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      System.err.println("[kairan] cannot remove " + dir + ": " + e);
    }
  }
}
