package io.kairan.ingest.cli;

import io.kairan.ingest.publish.ImportSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE|URL --format F --municipality 072028}, {@code poll --config FILE} and {@code
 * sites --evacuation-sites FILE --shelters FILE --municipality 072028}, on picocli: an unknown
 * option or a missing value is a usage error. Exit codes: 0 all fine, 2 wrong usage, 3 the source
 * or Kafka failed, 4 some rows rejected (the others arrived), 5 nothing accepted (the document
 * refused or every row rejected).
 */
@Command(
    name = "kairan-ingest",
    description = "Municipal feeds and alerts become notices on notices.v1.",
    synopsisSubcommandLabel = "(import | poll | sites)")
public final class IngestCli implements Callable<Integer> {
  static final int USAGE = 2;
  static final int FAILED = 3;

  /** Every code the CLI ends with, for the usage text of each command. */
  static final Map<String, String> EXIT_CODES = exitCodes();

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  private IngestCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** The CLI without exiting, for tests and embedding. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    CommandLine cli =
        new CommandLine(new IngestCli())
            .addSubcommand(new ImportCommand(out, clock))
            .addSubcommand(new PollCommand(out, clock))
            .addSubcommand(new SitesCommand(out, clock));
    // Set after the subcommands are added, so they apply to them too.
    cli.setExpandAtFiles(false) // "@name" is a file or source name, never an argument file
        .setOverwrittenOptionsAllowed(true) // as before: a repeated option's last value wins
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(
            (e, given) -> {
              err.println("error: " + UsageErrors.message(e, given));
              e.getCommandLine().usage(err);
              return USAGE;
            })
        .setExecutionExceptionHandler(
            (e, command, parsed) -> {
              if (e instanceof IllegalArgumentException) {
                // A source config or towns file that does not say what it must: wrong usage.
                err.println("error: " + e.getMessage());
                command.usage(err);
                return USAGE;
              }
              err.println(
                  e instanceof NoSuchFileException missing
                      ? "failed: no such file " + missing.getFile()
                      : "failed: " + (e.getMessage() == null ? e : e.getMessage()));
              return FAILED;
            });
    cli.getSubcommands().values().forEach(IngestCli::listExitCodes);
    listExitCodes(cli);
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a command is required: import or poll");
  }

  private static void listExitCodes(CommandLine command) {
    command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    command.getCommandSpec().usageMessage().exitCodeList(EXIT_CODES);
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("" + ImportSummary.ALL_FINE, "all fine");
    codes.put("" + USAGE, "wrong usage");
    codes.put("" + FAILED, "the source or Kafka failed");
    codes.put("" + ImportSummary.SOME_REJECTED, "some rows or items rejected (the others arrived)");
    codes.put(
        "" + ImportSummary.ALL_REFUSED,
        "nothing accepted (the document refused or every row rejected)");
    return codes;
  }
}
