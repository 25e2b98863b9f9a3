package io.kairan.deploy.load;

import io.kairan.deploy.cluster.ClusterStack;
import io.kairan.deploy.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every process of a running cluster under a name: the brokers, the JobManager, the TaskManagers,
 * the Elasticsearch nodes, the API, push, and this launcher (with the local FCM server and identity
 * provider in it, and the load's own producer and reader).
 */
final class ClusterProcesses {
  static final String ELASTICSEARCH_MAIN = "org.elasticsearch.bootstrap.Elasticsearch";

  private ClusterProcesses() {}

  static List<ProcessMeter.Named> of(ClusterStack stack) throws IOException {
    List<ProcessMeter.Named> named = new ArrayList<>();
    for (KafkaBroker broker : stack.kafka().brokers()) {
      named.add(new ProcessMeter.Named("kafka-" + broker.nodeId(), broker.pid()));
    }
    named.add(new ProcessMeter.Named("jobmanager", stack.flink().jobManagerPid()));
    for (int i = 0; i < stack.flink().taskManagerCount(); i++) {
      named.add(new ProcessMeter.Named("taskmanager-" + i, stack.flink().taskManagerPid(i)));
    }
    for (int i = 1; i <= stack.elasticsearch().size(); i++) {
      // The node's JVM is a child of Elasticsearch's launcher (and, as root, of runuser): found
      // by its main class and its own directory on its command line.
      String home = stack.dir().resolve("elasticsearch/kairan-" + i + "/home").toString();
      named.add(new ProcessMeter.Named("elasticsearch-" + i, pidOf(ELASTICSEARCH_MAIN, home)));
    }
    named.add(new ProcessMeter.Named("api", stack.api().pid()));
    named.add(new ProcessMeter.Named("push", stack.push().pid()));
    named.add(new ProcessMeter.Named("launcher", ProcessHandle.current().pid()));
    return named;
  }

  /** The one process whose command line holds every one of the words. */
  static long pidOf(String... words) throws IOException {
    List<Long> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String line;
        try {
          line = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException gone) {
          continue;
        }
        if (Stream.of(words).allMatch(line::contains)) {
          found.add(Long.parseLong(proc.getFileName().toString()));
        }
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " processes run " + String.join(" ", words) + ": " + found);
    }
    return found.get(0);
  }
}
