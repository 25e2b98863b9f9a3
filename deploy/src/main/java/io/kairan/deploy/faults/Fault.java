package io.kairan.deploy.faults;

import io.kairan.deploy.cluster.ClusterStack;
import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.model.Topics;
import java.time.Duration;
import java.util.List;

/**
 * One of the faults of issue #15, done to the running cluster as the machine or the kernel would:
 * kill -9 (SIGKILL, no shutdown hook) or a frozen process (SIGSTOP). What was killed comes back the
 * way an orchestrator would bring it back: a new TaskManager, the broker restarted on its disk, the
 * service restarted from its jar.
 */
enum Fault {
  TASK_MANAGER("kill -9 a Flink TaskManager; a new one starts") {
    @Override
    String inject(ClusterStack stack, Duration outage) throws Exception {
      long pid = stack.flink().taskManagerPid(0);
      stack.flink().killTaskManager(0);
      stack.flink().startTaskManager();
      return "TaskManager pid " + pid;
    }
  },
  LEADER_BROKER(
      "kill -9 the broker leading deliveries.v1 partition 0; restarted after the outage") {
    @Override
    String inject(ClusterStack stack, Duration outage) throws Exception {
      KafkaBroker leader = stack.kafka().leaderOf(Topics.DELIVERIES, 0);
      leader.kill();
      Thread.sleep(outage.toMillis());
      leader.restart();
      return "broker " + leader.nodeId() + " down for " + outage.toSeconds() + " s";
    }
  },
  ELASTICSEARCH("stop Elasticsearch (both nodes frozen, SIGSTOP) for the outage, then SIGCONT") {
    @Override
    String inject(ClusterStack stack, Duration outage) throws Exception {
      List<ElasticsearchServer> nodes = stack.elasticsearch();
      for (ElasticsearchServer node : nodes) {
        node.pause();
      }
      try {
        Thread.sleep(outage.toMillis());
      } finally {
        for (ElasticsearchServer node : nodes) {
          node.resume();
        }
      }
      return nodes.size() + " nodes stopped for " + outage.toSeconds() + " s";
    }
  },
  PUSH("kill -9 the push service while it sends; restarted from its jar") {
    @Override
    String inject(ClusterStack stack, Duration outage) throws Exception {
      // Mid-batch: the moment FCM is being sent to, not between notices.
      long before = stack.fcm().receivedCount();
      io.kairan.deploy.stack.Waits.until(
          "push sending", Duration.ofMinutes(2), () -> stack.fcm().receivedCount() > before);
      long pid = stack.push().pid();
      stack.push().kill();
      stack.push().restart();
      return "push pid " + pid + " killed after FCM message " + (before + 1);
    }
  },
  API("kill -9 the API; restarted from its jar") {
    @Override
    String inject(ClusterStack stack, Duration outage) throws Exception {
      long pid = stack.api().pid();
      stack.api().kill();
      stack.api().restart();
      return "API pid " + pid;
    }
  };

  final String description;

  Fault(String description) {
    this.description = description;
  }

  /** Does the fault and brings back what it broke; says what was hit. */
  abstract String inject(ClusterStack stack, Duration outage) throws Exception;
}
