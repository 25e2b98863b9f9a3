package io.kairan.deploy.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the demo tools: positional words, {@code --name value} options and {@code
 * --flag}s. A word it does not know is a usage error, never silently ignored.
 */
record CliArgs(List<String> positional, Map<String, String> options) {
  static CliArgs parse(String[] args, Set<String> valued, Set<String> flags) {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (valued.contains(arg)) {
        if (i + 1 == args.length) {
          throw new UsageException(arg + " needs a value");
        }
        options.put(arg, args[++i]);
      } else if (flags.contains(arg)) {
        options.put(arg, "true");
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown option " + arg);
      } else {
        positional.add(arg);
      }
    }
    return new CliArgs(positional, options);
  }

  String option(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  /** A positive whole number, or {@code otherwise} when absent. */
  long count(String name, long otherwise) {
    String value = options.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new UsageException(name + " takes a positive whole number, not " + value);
  }

  /** A tool's work; anything it throws ends the tool with a message. */
  interface Command {
    void run() throws Exception;
  }

  /**
   * Runs a tool's main: wrong words print the usage and exit 2, any other failure (no stack, no
   * broker) its message and exit 3, so scripts can tell the two apart.
   */
  static void run(String usage, Command command) {
    try {
      command.run();
    } catch (UsageException e) {
      System.err.println(e.getMessage() + "\n" + usage);
      System.exit(2);
    } catch (Exception e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  /** Wrong words on the command line: the tools print it with their usage and exit 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
