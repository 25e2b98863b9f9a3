package io.kairan.deploy.topics;

import io.kairan.deploy.cli.Tool;
import io.kairan.model.KafkaClientSecurity;
import io.kairan.model.TopicDefinition;
import io.kairan.model.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * deploy/topics.sh: creates Kairan's topics on a cluster from the one definition in code ({@link
 * Topics#definitions}), and reports (or, with {@code --alter}, changes) those that differ. The
 * clients' TLS and SASL settings come from the environment, as for every Kairan Kafka client.
 */
@Command(
    name = "deploy/topics.sh",
    description = {
      "Creates every Kairan topic missing on the cluster, with its partitions, replicas,"
          + " min.insync.replicas and compaction or retention, and reports each existing topic"
          + " that differs. Run it again: it changes nothing on a cluster that matches. TLS and SASL"
          + " from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME,"
          + " KAFKA_SASL_PASSWORD (or KAFKA_SASL_JAAS_CONFIG), KAFKA_SSL_TRUSTSTORE_LOCATION.",
      "Exit codes: 0 every topic as defined, 1 some differ (listed), 2 wrong usage, 3 failed."
    },
    sortOptions = false)
public final class TopicsCommand implements Callable<Integer> {
  public static final int DIFFERS = 1;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "the cluster (default: $KAFKA_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "12",
      description =
          "partitions of each keyed topic (default ${DEFAULT-VALUE}); the API's books have one")
  long partitions;

  @Option(
      names = "--replication",
      paramLabel = "R",
      defaultValue = "3",
      description =
          "replicas of each partition (default ${DEFAULT-VALUE}); min.insync.replicas follows:"
              + " 2 from 3 replicas, else 1")
  long replication;

  @Option(
      names = "--alter",
      description =
          "change what differs and can be changed: configuration, and more partitions (never"
              + " fewer; replicas are left to a reassignment)")
  boolean alter;

  @Mixin Tool.Help help;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Function<String, String> environment;

  public TopicsCommand() {
    this(System::getenv);
  }

  /** With the security settings looked up elsewhere than the process's environment. */
  public TopicsCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    Tool.main(new TopicsCommand(), args);
  }

  @Override
  public Integer call() throws Exception {
    int p = (int) Tool.positive("--partitions", partitions);
    int r = (int) Tool.positive("--replication", replication);
    var definitions = Topics.definitions(p, r);
    KafkaClientSecurity security = KafkaClientSecurity.from(environment);
    var writer = spec.commandLine().getOut();
    writer.printf(
        "Kafka at %s (%s): %d topics, %d partitions (the API's books 1), %d replicas%n",
        bootstrapServers, security, definitions.size(), p, r);
    TopicSetup.Outcome outcome;
    try (Admin admin = admin(security)) {
      outcome = TopicSetup.apply(admin, definitions, alter);
    } catch (ExecutionException e) {
      throw new IllegalStateException(explain(e.getCause()), e.getCause());
    }
    for (TopicDefinition d : outcome.created()) {
      writer.printf(
          "created %s: %d partitions, %d replicas, %s%n",
          d.name(), d.partitions(), d.replicationFactor(), d.config());
    }
    for (TopicSetup.Difference d : outcome.differences()) {
      writer.println((d.altered() ? "altered " : "differs ") + d);
    }
    if (outcome.matches()) {
      writer.printf("every topic as defined (%d created)%n", outcome.created().size());
      return Tool.DONE;
    }
    writer.println(
        alter
            ? "some differences cannot be altered here (listed above)"
            : "run again with --alter to change the configuration and add partitions");
    return DIFFERS;
  }

  private Admin admin(KafkaClientSecurity security) {
    Map<String, Object> config = new HashMap<>(security.properties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kairan-topics");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    return Admin.create(config);
  }

  /** What went wrong, in words an operator can act on. */
  private String explain(Throwable cause) {
    String where = "Kafka at " + bootstrapServers;
    if (cause instanceof SaslAuthenticationException) {
      return where
          + " refused the credentials ("
          + cause.getMessage()
          + "): check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or KAFKA_SASL_JAAS_CONFIG) and"
          + " KAFKA_SASL_MECHANISM";
    }
    if (cause instanceof SslAuthenticationException) {
      return "TLS with "
          + where
          + " failed ("
          + cause.getMessage()
          + "): check KAFKA_SSL_TRUSTSTORE_LOCATION and that the address is in the certificate";
    }
    if (cause instanceof AuthorizationException) {
      return where
          + " does not allow this user to create or alter topics ("
          + cause.getMessage()
          + ")";
    }
    if (cause instanceof TimeoutException) {
      return "no answer from "
          + where
          + " within 15 s: is it up, and does KAFKA_SECURITY_PROTOCOL match its listener?";
    }
    return where + ": " + cause;
  }
}
