package io.kairan.deploy;

import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.demo.DemoTokens;
import io.kairan.deploy.demo.LocalStackEnv;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
    StackOptions options = StackOptions.fixedPorts(samples, residents);
    LocalStack stack = LocalStack.create(options);
    Path envFile = LocalStackEnv.path();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[kairan] stopping…");
                  try {
                    // A stale file would name a key the next stack does not know: better no file.
                    Files.deleteIfExists(envFile);
                  } catch (java.io.IOException e) {
                    System.err.println("[kairan] cannot remove " + envFile + ": " + e);
                  }
                  stack.close();
                  stopped.countDown();
                }));
    stack.startAll();

    Instant now = Instant.now();
    List<ResidentProfile> demo = DemoLoader.residents(samples, residents, now);
    DemoLoader.publishResidents(stack.kafkaBootstrapServers(), demo, now);
    stack.demoAccounts().offer(demo);
    DemoLoader.publishSites(stack.kafkaBootstrapServers(), samples, now);
    DemoLoader.postNotices(stack, now);

    String pushUrl = "http://127.0.0.1:" + options.pushPort();
    new LocalStackEnv(
            stack.kafkaBootstrapServers(),
            stack.apiUrl(),
            pushUrl,
            stack.fcm().endpoint(),
            stack.signingKeyFile().toString(),
            LocalStack.ISSUER,
            LocalStack.AUDIENCE)
        .write(envFile);

    ResidentProfile parent =
        demo.stream()
            .filter(
                r ->
                    r.district().equals("北会津町")
                        && !r.childrenBirthYears().isEmpty()
                        && DemoLoader.hasDevice(r))
            .findFirst()
            .orElse(demo.get(0));
    TokenIssuer tokens = stack.tokens();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        """

        [kairan] Kairan is up in %.1f s (JVM heap in use %d MiB; Elasticsearch and Kafka run as child processes)
          API            %s
          Push           %s   metrics: %s/actuator/metrics/kairan.push.messages
          Elasticsearch  %s
          Kafka          %s
          Local FCM      %s   what it received: %s
          SMTP           127.0.0.1:%d   (GreenMail; each mail it receives is printed here)
          Identity       %s   (RS256, issuer %s, audience %s; deploy/token.sh mints more)
          Web pages      %s/demo/sign-in   (demo sign-in: the resident app, console, workbench)
          Demo city      会津若松市 (072028): %d synthetic residents over %s towns, 3 notices
                         (towns: Geolonia japanese-addresses, CC BY 4.0; see samples/README.md)

          A resident of 北会津町 with children (%s):
            export RESIDENT_TOKEN=%s
            curl -s -H "Authorization: Bearer $RESIDENT_TOKEN" %s/api/v1/me/feed
            curl -s '%s?token=%s'
          The city's departments (%s):
            export DEPARTMENT_TOKEN=%s
          A local firm (%s; its notices wait for a department's approval, never emergencies):
            export FIRM_TOKEN=%s
          The city's analysts (rule sets, see README):
            export ANALYST_TOKEN=%s
          The city's operators (approvals, any publisher's preview; a purpose is theirs to state):
            export OPERATOR_TOKEN=%s

          Look around (README, "See what happened"):
            deploy/residents.sh --district 北会津町 --max 5
            deploy/token.sh resident r-000042
            deploy/topic.sh deliveries.v1 --max 5
            curl -s %s/actuator/metrics/kairan.push.messages

          Ctrl-C stops everything.
        """,
        (System.nanoTime() - t0) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        stack.apiUrl(),
        pushUrl,
        pushUrl,
        stack.elasticsearchUrl(),
        stack.kafkaBootstrapServers(),
        stack.fcm().endpoint(),
        stack.fcm().requestsUrl(),
        options.smtpPort(),
        stack.jwksUri(),
        LocalStack.ISSUER,
        LocalStack.AUDIENCE,
        stack.apiUrl(),
        residents,
        "262",
        parent.id(),
        DemoTokens.RESIDENT.mint(tokens, parent.id(), null),
        stack.apiUrl(),
        stack.fcm().requestsUrl(),
        DemoLoader.deviceOf(parent, now).token(),
        DemoTokens.DEPARTMENT.defaultId,
        DemoTokens.DEPARTMENT.mint(tokens),
        DemoTokens.FIRM.defaultId,
        DemoTokens.FIRM.mint(tokens),
        DemoTokens.ANALYST.mint(tokens),
        DemoTokens.OPERATOR.mint(tokens),
        pushUrl);
    MailPrinter.start(stack.mail());
    stopped.await();
  }
}
