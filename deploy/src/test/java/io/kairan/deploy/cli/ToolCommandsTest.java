package io.kairan.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.bench.PushBenchmark;
import io.kairan.deploy.bench.RecommenderBenchmark;
import io.kairan.deploy.bench.ServingBenchmark;
import io.kairan.deploy.bench.ThroughputBenchmark;
import io.kairan.deploy.bench.UrgentBenchmark;
import io.kairan.deploy.demo.DemoResidents;
import io.kairan.deploy.demo.MintToken;
import io.kairan.deploy.demo.TopicDump;
import io.kairan.deploy.topics.TopicsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deploy tools' command lines, without a stack: every wrong word ends with exit code 2 and the
 * reason and usage on stderr, before anything is contacted; --help prints the usage on stdout.
 */
class ToolCommandsTest {
  private static final String NL = System.lineSeparator();

  /** What one run printed and how it ended. */
  private record Run(int code, String out, String err) {}

  private static Run run(Object command, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        Tool.run(
            command,
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Each tool, new for each run (picocli fills its fields), with the name its usage shows. */
  static Stream<Arguments> tools() {
    return Stream.of(
        Arguments.of("deploy/token.sh", (Supplier<Object>) MintToken::new),
        Arguments.of("deploy/topic.sh", (Supplier<Object>) TopicDump::new),
        Arguments.of("deploy/topics.sh", (Supplier<Object>) TopicsCommand::new),
        Arguments.of("deploy/residents.sh", (Supplier<Object>) DemoResidents::new),
        Arguments.of("deploy/bench-push.sh", (Supplier<Object>) PushBenchmark::new),
        Arguments.of("deploy/bench-recommender.sh", (Supplier<Object>) RecommenderBenchmark::new),
        Arguments.of("deploy/bench-urgent.sh", (Supplier<Object>) UrgentBenchmark::new),
        Arguments.of("deploy/bench-throughput.sh", (Supplier<Object>) ThroughputBenchmark::new),
        Arguments.of("deploy/bench-serving.sh", (Supplier<Object>) ServingBenchmark::new));
  }

  @Test
  void anUnknownOptionIsNamedBeforeTheTokenToolsMissingKind() {
    Run run = run(new MintToken(), "--bogus");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("Unknown option: '--bogus'" + NL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void anUnknownOptionExitsWith2NamingItWithTheUsageOnStderr(String name, Supplier<Object> tool) {
    // The token tool needs its kind first, or that would be the first complaint.
    Run run =
        name.equals("deploy/token.sh")
            ? run(tool.get(), "analyst", "--bogus")
            : run(tool.get(), "--bogus");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("Unknown option: '--bogus'" + NL + "Usage: " + name);
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  void helpPrintsTheUsageOnStdoutAndExits0(String name, Supplier<Object> tool) {
    Run run = run(tool.get(), "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Usage: " + name).contains("-h, --help");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("wrongWords")
  void wrongWordsExitWith2WithTheReason(String tool, String args, String reason) {
    Object command =
        tools()
            .filter(a -> a.get()[0].equals(tool))
            .map(a -> ((Supplier<?>) a.get()[1]).get())
            .findFirst()
            .orElseThrow();

    Run run = run(command, args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith(reason + NL);
  }

  static Stream<Arguments> wrongWords() {
    return Stream.of(
        Arguments.of("deploy/token.sh", "", "Missing required parameter: 'KIND'"),
        Arguments.of("deploy/token.sh", "mayor", "no kind mayor"),
        Arguments.of("deploy/token.sh", "resident", "a resident token needs the resident's id"),
        Arguments.of("deploy/token.sh", "firm f1 F x", "Unmatched argument at index 3: 'x'"),
        Arguments.of("deploy/topic.sh", "a.v1 b.v1", "Unmatched argument at index 1: 'b.v1'"),
        Arguments.of(
            "deploy/topic.sh", "profiles.v1 --max 0", "--max takes a positive whole number, not 0"),
        Arguments.of(
            "deploy/topic.sh",
            "profiles.v1 --max x",
            "Invalid value for option '--max': 'x' is not a long"),
        Arguments.of(
            "deploy/topic.sh",
            "profiles.v1 --key",
            "Missing required parameter for option '--key' (K)"),
        Arguments.of(
            "deploy/topics.sh",
            "--partitions 0",
            "--partitions takes a positive whole number, not 0"),
        Arguments.of(
            "deploy/topics.sh",
            "--replication three",
            "Invalid value for option '--replication': 'three' is not a long"),
        Arguments.of(
            "deploy/residents.sh", "--max -3", "--max takes a positive whole number, not -3"),
        Arguments.of(
            "deploy/residents.sh", "r-000001", "Unmatched argument at index 0: 'r-000001'"),
        Arguments.of("deploy/bench-push.sh", "--devices 10", "--devices takes at least 500"),
        Arguments.of(
            "deploy/bench-push.sh",
            "--districts 0",
            "--districts takes a positive whole number, not 0"),
        Arguments.of(
            "deploy/bench-recommender.sh",
            "--residents 0",
            "--residents takes a positive whole number, not 0"),
        Arguments.of(
            "deploy/bench-recommender.sh",
            "--rounds many",
            "Invalid value for option '--rounds': 'many' is not an int"));
  }
}
