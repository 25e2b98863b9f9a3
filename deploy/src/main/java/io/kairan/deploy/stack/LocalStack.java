package io.kairan.deploy.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kairan.api.KairanApiApplication;
import io.kairan.deploy.demo.DemoAccounts;
import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.push.KairanPushApplication;
import io.kairan.push.fcmlocal.LocalFcmServer;
import io.kairan.recommender.job.JobSettings;
import io.kairan.recommender.job.KairanJob;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts every component of Kairan on this machine, in dependency order, and stops them in reverse:
 * Kafka, Elasticsearch, the local FCM server, the API, push, and the Flink job on a MiniCluster.
 */
public final class LocalStack implements AutoCloseable {
  /** The local identity provider's name for itself, and the API as its tokens' audience. */
  public static final String ISSUER = "kairan-local";

  public static final String AUDIENCE = "kairan-api";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Path dir;
  private LocalIdentityProvider identity;
  private KafkaBroker kafka;
  private ElasticsearchServer elasticsearch;
  private int flinkRestPort;
  private SeparateJob separateJob;
  private LocalFcmServer fcm;
  private GreenMail mail;
  private DemoAccounts demoAccounts;
  private final StackOptions options;

  private LocalStack(Path dir, StackOptions options) {
    this.dir = dir;
    this.options = options;
  }

  /** Starts everything; on failure stops what had started and rethrows. */
  public static LocalStack start(StackOptions options) throws Exception {
    LocalStack stack = create(options);
    try {
      stack.startAll();
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** A stack that has started nothing yet, so a shutdown hook can be in place before it starts. */
  public static LocalStack create(StackOptions options) throws IOException {
    Path dir = Files.createTempDirectory("kairan-stack-");
    // Elasticsearch runs as another user and must be able to reach its directory inside this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    LocalStack stack = new LocalStack(dir, options);
    stack.started.push(stack::deleteDir);
    return stack;
  }

  public void startAll() throws Exception {
    // The city's identity provider in miniature: a key made for this run, its JWKS on loopback.
    identity = LocalIdentityProvider.start(ISSUER, AUDIENCE);
    register(identity);
    identity.writeSigningKey(signingKeyFile());
    demoAccounts = new DemoAccounts(identity.tokens());

    long t0 = System.nanoTime();
    kafka = KafkaBroker.start(dir.resolve("kafka"), options.kafkaPort(), Ports.free());
    register(kafka);
    kafka.createTopics();
    log("Kafka", t0);

    long t1 = System.nanoTime();
    Path distribution =
        Path.of(
            System.getProperty("kairan.elasticsearch.home", "deploy/target/elasticsearch-8.19.21"));
    elasticsearch =
        ElasticsearchServer.start(
            distribution,
            dir.resolve("elasticsearch"),
            options.elasticsearchPort(),
            options.elasticsearchHeap());
    register(elasticsearch);
    log("Elasticsearch", t1);

    fcm = LocalFcmServer.start(options.fcmPort());
    register(fcm);

    // The city's SMTP server in miniature (GreenMail): the verification links and the fallback
    // e-mails go to it, and the launcher prints each one it receives.
    mail =
        new GreenMail(new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    register(mail::stop);

    long t2 = System.nanoTime();
    // Flink's REST API, which the API's health asks for the job's state; known before both start.
    flinkRestPort = Ports.free();
    // Command-line arguments: they outrank the apps' own settings files, as in production.
    ConfigurableApplicationContext api =
        KairanApiApplication.builder()
            // The demo sign-in's tokens come from this stack's identity provider (api.demo).
            .initializers(
                context -> context.getBeanFactory().registerSingleton("demoSignIn", demoAccounts))
            .run(
                "--spring.main.banner-mode=off",
                "--server.port=" + options.apiPort(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--kairan.elasticsearch.url=" + elasticsearch.url(),
                "--kairan.security.jwks-uri=" + identity.jwksUri(),
                "--kairan.security.issuer=" + ISSUER,
                "--kairan.security.audience=" + AUDIENCE,
                // The web pages' sign-in without curl; local only (README "Web pages").
                "--kairan.demo.sign-in.enabled=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + options.smtpPort(),
                "--kairan.email.from=kairan@city.example",
                "--kairan.email.link-base=http://127.0.0.1:" + options.apiPort(),
                "--kairan.job.rest-url=http://127.0.0.1:" + flinkRestPort);
    register(api);
    ConfigurableApplicationContext push =
        KairanPushApplication.builder()
            .run(
                "--spring.main.banner-mode=off",
                "--server.port=" + options.pushPort(),
                // Push's actuator has no login (kairan-push.yml): this machine only.
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--kairan.fcm.project-id=kairan-local",
                "--kairan.fcm.local-endpoint=" + fcm.endpoint(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + options.smtpPort(),
                "--kairan.push.email.from=kairan@city.example",
                "--kairan.push.email.details-url=http://127.0.0.1:" + options.apiPort() + "/app/");
    register(push);
    log("API and push", t2);

    long t3 = System.nanoTime();
    if (!options.jobHeap().isEmpty()) {
      // Its clock is the system's: a fixed job clock is for tests, which run it in this JVM.
      separateJob =
          SeparateJob.start(
              dir.resolve("job"),
              options.jobHeap(),
              kafka.bootstrapServers(),
              flinkRestPort,
              options.checkpointIntervalMs(),
              options.stateBackend());
      register(separateJob);
      log("Flink job (own JVM, heap " + options.jobHeap() + ")", t3);
      return;
    }
    Configuration flink = new Configuration();
    // A fixed REST port on loopback (a local environment would take a random one).
    flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    flink.set(RestOptions.BIND_PORT, String.valueOf(flinkRestPort));
    flink.set(RestOptions.PORT, flinkRestPort);
    JobRestarts.configure(flink);
    // On disk: the JobManager's memory holds at most 5 MB of state, a few ten thousand residents.
    flink.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
    JobStateBackend.configure(flink, options.stateBackend(), dir.resolve("changelog"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flink);
    JobClient job =
        KairanJob.start(
            env,
            new JobSettings(
                kafka.bootstrapServers(),
                "kairan-recommender",
                Duration.ofMillis(options.checkpointIntervalMs())),
            options.jobClock());
    register(() -> job.cancel().get());
    register(JobWatch.of(job));
    log("Flink job", t3);
  }

  private synchronized void register(AutoCloseable component) {
    started.push(component);
  }

  private static void log(String what, long since) {
    System.out.printf("[kairan] %s up in %.1f s%n", what, (System.nanoTime() - since) / 1e9);
  }

  /** The stack's SMTP server: every mail the API and push sent, as received. */
  public GreenMail mail() {
    return mail;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The heap of the job's own JVM after a full collection, if it runs in one of its own. */
  public OptionalLong jobHeapAfterFullGc() throws Exception {
    return separateJob == null
        ? OptionalLong.empty()
        : OptionalLong.of(separateJob.heapAfterFullGc());
  }

  /** The garbage-collection log of the job's own JVM, if it runs in one. */
  public Optional<Path> jobGcLog() {
    return Optional.ofNullable(separateJob).map(SeparateJob::gcLog);
  }

  /** The MiniCluster's REST API (jobs, checkpoints), on loopback. */
  public String flinkRestUrl() {
    return "http://127.0.0.1:" + flinkRestPort;
  }

  public String elasticsearchUrl() {
    return elasticsearch.url();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + options.apiPort();
  }

  public LocalFcmServer fcm() {
    return fcm;
  }

  /** The identity provider's public keys, which the API checks tokens against. */
  public URI jwksUri() {
    return identity.jwksUri();
  }

  /** RS256 tokens the API accepts, signed with this run's key, issued at the system's time. */
  public TokenIssuer tokens() {
    return identity.tokens();
  }

  /** Who the API's demo sign-in page offers; the launcher adds the demo residents it loads. */
  public DemoAccounts demoAccounts() {
    return demoAccounts;
  }

  /**
   * This run's signing key (private half included, readable by this user only), so deploy/token.sh
   * mints tokens for the running stack; removed with the stack's directory.
   */
  public Path signingKeyFile() {
    return dir.resolve("signing-key.jwk");
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
  }

  private void deleteDir() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
