package io.kairan.ingest.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command: the usage on stdout, exit code 0. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;
}
