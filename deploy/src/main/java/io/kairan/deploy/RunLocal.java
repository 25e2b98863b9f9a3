package io.kairan.deploy;

import io.kairan.api.security.Role;
import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.model.resident.ResidentProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: the whole stack on fixed local ports with the demo city. Ctrl-C stops
 * it.
 */
public final class RunLocal {
  private RunLocal() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    int residents = Integer.getInteger("kairan.demo.residents", 3000);
    Path samples = Path.of(System.getProperty("kairan.samples", "samples"));
    LocalStack stack = LocalStack.create(StackOptions.fixedPorts(samples, residents));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[kairan] stopping…");
                  stack.close();
                  stopped.countDown();
                }));
    stack.startAll();

    Instant now = Instant.now();
    List<ResidentProfile> demo = DemoLoader.residents(samples, residents, now);
    DemoLoader.publishResidents(stack.kafkaBootstrapServers(), demo, now);
    DemoLoader.postNotices(stack, now);

    ResidentProfile parent =
        demo.stream()
            .filter(r -> r.district().equals("北会津町") && !r.childrenBirthYears().isEmpty())
            .findFirst()
            .orElse(demo.get(0));
    String residentToken = stack.tokens().resident(parent.id());
    String publisherToken = stack.tokens().publisher("aizuwakamatsu-city", "会津若松市役所", "DEPARTMENT");
    String analystToken = stack.tokens().token("city-analytics", Role.ANALYST, Map.of());
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        """

        [kairan] Kairan is up in %.1f s (JVM heap in use %d MiB; Elasticsearch and Kafka run as child processes)
          API            %s
          Elasticsearch  %s
          Kafka          %s
          Local FCM      %s
          Demo city      会津若松市 (072028): %d synthetic residents over %s towns, 3 notices
                         (towns: Geolonia japanese-addresses, CC BY 4.0; see samples/README.md)

          A resident of 北会津町 with children (%s):
            export RESIDENT_TOKEN=%s
            curl -s -H "Authorization: Bearer $RESIDENT_TOKEN" %s/api/v1/me/feed
          The city's departments:
            export PUBLISHER_TOKEN=%s
          The city's analysts (rule sets, see README):
            export ANALYST_TOKEN=%s

          Ctrl-C stops everything.
        """,
        (System.nanoTime() - t0) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        stack.apiUrl(),
        stack.elasticsearchUrl(),
        stack.kafkaBootstrapServers(),
        stack.fcm().endpoint(),
        residents,
        "262",
        parent.id(),
        residentToken,
        stack.apiUrl(),
        publisherToken,
        analystToken);
    stopped.await();
  }
}
