package io.kairan.deploy.cli;

import io.kairan.ingest.cli.UsageErrors;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Runs a tool's picocli command. Exit codes, so scripts can tell the cases apart: 0 done (and
 * {@code --help}, the usage on stdout), 2 wrong usage (an unknown option, a missing or malformed
 * value, or a {@link UsageException} from the tool; the reason and the usage on stderr), 3 the tool
 * failed (no stack, no broker; its message on stderr).
 */
public final class Tool {
  public static final int DONE = 0;
  public static final int USAGE = 2;
  public static final int FAILED = 3;

  private Tool() {}

  /** A tool's main: runs the command and exits with its code. */
  public static void main(Object command, String[] args) {
    System.exit(run(command, args, System.out, System.err));
  }

  /** The command without exiting, for tests. */
  public static int run(Object command, String[] args, PrintStream out, PrintStream err) {
    return new CommandLine(command)
        .setExpandAtFiles(false) // "@x" is a value (a key, a name), never an argument file
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(
            (e, given) -> usageError(UsageErrors.message(e, given), e.getCommandLine(), err))
        .setExecutionExceptionHandler(
            (e, cli, parsed) -> {
              if (e instanceof UsageException) {
                return usageError(e.getMessage(), cli, err);
              }
              // A failure without words (a bug) is still named, by its type.
              err.println(e.getMessage() == null ? e.toString() : e.getMessage());
              return FAILED;
            })
        .execute(args);
  }

  private static int usageError(String message, CommandLine cli, PrintStream err) {
    err.println(message);
    cli.usage(err);
    return USAGE;
  }

  /** A count given with an option must be positive. */
  public static long positive(String option, long value) {
    if (value <= 0) {
      throw new UsageException(option + " takes a positive whole number, not " + value);
    }
    return value;
  }

  /** An optional count: positive when given, {@code otherwise} when absent. */
  public static long positive(String option, Long value, long otherwise) {
    return value == null ? otherwise : positive(option, value);
  }

  /** {@code -h}/{@code --help}: the usage on stdout, exit code 0. */
  public static final class Help {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help and exit")
    boolean help;
  }

  /** Words the options cannot check by themselves (a count that must be positive, …). */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
