package io.kairan.ingest.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poll --config FILE --municipality CODE}: every configured source, until stopped. */
@Command(
    name = "poll",
    description = "Poll the sources of a config file (NAME FORMAT URL INTERVAL_SECONDS a line).",
    sortOptions = false)
final class PollCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "the sources, one 'NAME FORMAT URL INTERVAL_SECONDS' a line, # for comments")
  Path config;

  @Mixin SourceOptions options;

  @Mixin HelpOption help;

  private final PrintStream out;
  private final Clock clock;

  PollCommand(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    List<PolledSource> sources = PolledSource.load(config);
    Poller.pollForever(sources, options, out, clock);
    return 0;
  }
}
