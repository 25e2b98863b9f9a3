package io.kairan.ingest.cli;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

/**
 * The words of a usage error. Picocli checks required options and parameters before it reports an
 * unknown option, so {@code import --bogus x} would say "Missing required options" and never name
 * the typo; the typo is what the user needs to see first.
 */
public final class UsageErrors {
  private UsageErrors() {}

  public static String message(ParameterException e, String[] given) {
    if (e instanceof MissingParameterException) {
      String unknown = firstUnknownOption(e.getCommandLine(), given);
      if (unknown != null) {
        return "Unknown option: '" + unknown + "'";
      }
    }
    return e.getMessage();
  }

  /** The first argument that looks like an option the command does not have, or null. */
  static String firstUnknownOption(CommandLine command, String[] given) {
    for (String arg : given) {
      if (arg.equals("--")) {
        return null; // what follows is parameters only
      }
      if (arg.length() < 2 || arg.charAt(0) != '-' || Character.isDigit(arg.charAt(1))) {
        continue; // a parameter, or a negative number given as a value
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (command.getCommandSpec().findOption(name) == null) {
        return name;
      }
    }
    return null;
  }
}
