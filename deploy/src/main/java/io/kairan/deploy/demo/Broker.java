package io.kairan.deploy.demo;

import java.io.IOException;
import picocli.CommandLine.Option;

/** {@code --bootstrap-servers} of the look-around tools: which broker to read. */
final class Broker {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "the broker (default: the running stack's, else 127.0.0.1:9092)")
  String given;

  /** The option, else the running stack's broker, else the README's local one. */
  String bootstrapServers() {
    if (given != null) {
      return given;
    }
    try {
      return LocalStackEnv.read(LocalStackEnv.path()).kafka();
    } catch (IllegalStateException | IOException e) {
      return "127.0.0.1:9092";
    }
  }
}
