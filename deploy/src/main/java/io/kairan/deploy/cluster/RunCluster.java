package io.kairan.deploy.cluster;

import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.demo.DemoTokens;
import io.kairan.model.resident.ResidentProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * deploy/cluster.sh: Kairan on real clusters on this machine (three Kafka brokers, a Flink session
 * cluster with the job submitted by {@code flink run}, two Elasticsearch nodes, the API and push
 * from their jars) with the demo city; prints where everything is and each process's pid, so an
 * operator can kill one and watch. Ctrl-C stops everything.
 */
public final class RunCluster {
  private RunCluster() {}

  public static void main(String[] args) throws Exception {
    int parallelism = Integer.getInteger("kairan.parallelism", 2);
    int residents = Integer.getInteger("kairan.demo.residents", 3000);
    Path samples = Path.of(System.getProperty("kairan.samples", "samples"));
    long t0 = System.nanoTime();
    ClusterStack stack =
        ClusterStack.start(ClusterOptions.fromBuild(Path.of("").toAbsolutePath(), parallelism));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[kairan] stopping the cluster…");
                  stack.close();
                  stopped.countDown();
                }));
    Instant now = Instant.now();
    String kafka = stack.kafka().bootstrapServers();
    List<ResidentProfile> demo = DemoLoader.residents(samples, residents, now);
    DemoLoader.publishResidents(kafka, demo, now);
    DemoLoader.publishSites(kafka, samples, now);
    DemoLoader.postNotices(stack.apiUrl(), stack.tokens(), now);

    StringBuilder pids = new StringBuilder();
    stack
        .kafka()
        .brokers()
        .forEach(b -> pids.append(" kafka-").append(b.nodeId()).append('=').append(b.pid()));
    pids.append(" jobmanager=").append(stack.flink().jobManagerPid());
    for (int i = 0; i < stack.flink().taskManagerCount(); i++) {
      pids.append(" taskmanager-").append(i).append('=').append(stack.flink().taskManagerPid(i));
    }
    for (int i = 0; i < stack.elasticsearch().size(); i++) {
      pids.append(" elasticsearch-")
          .append(i + 1)
          .append('=')
          .append(stack.elasticsearch().get(i).pid());
    }
    pids.append(" api=").append(stack.api().pid()).append(" push=").append(stack.push().pid());
    ResidentProfile someone = demo.get(0);
    System.out.printf(
        """

        [kairan] the cluster is up in %.1f s, with the demo city (%d residents, 3 notices)
          Kafka          %s   (3 brokers, replication 3, min.insync.replicas 2)
          Flink          %s   (session cluster: 1 JobManager, %d TaskManagers; job %s, parallelism %d)
          Elasticsearch  %s   (2 nodes, 1 replica)
          API            %s
          Push           %s
          Local FCM      %s
          Processes     %s
          Logs           %s

          export RESIDENT_TOKEN=%s
          export DEPARTMENT_TOKEN=%s
          curl -s -H "Authorization: Bearer $RESIDENT_TOKEN" %s/api/v1/me/feed

          Ctrl-C stops everything.
        """,
        (System.nanoTime() - t0) / 1e9,
        residents,
        kafka,
        stack.flink().restUrl(),
        stack.flink().taskManagerCount(),
        stack.jobId(),
        parallelism,
        stack.elasticsearchUrls(),
        stack.apiUrl(),
        stack.pushUrl(),
        stack.fcm().requestsUrl(),
        pids,
        stack.dir(),
        DemoTokens.RESIDENT.mint(stack.tokens(), someone.id(), null),
        DemoTokens.DEPARTMENT.mint(stack.tokens()),
        stack.apiUrl());
    stopped.await();
  }
}
