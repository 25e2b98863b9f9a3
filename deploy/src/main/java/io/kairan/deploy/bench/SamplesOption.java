package io.kairan.deploy.bench;

import io.kairan.deploy.demo.Town;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the demo city's data is, for every benchmark that makes synthetic residents of it. */
final class SamplesOption {
  @Option(
      names = "--samples",
      paramLabel = "DIR",
      description = "the project's samples folder (default: -Dkairan.samples, else ./samples)")
  Path dir;

  Path dir() {
    return dir != null ? dir : Path.of(System.getProperty("kairan.samples", "samples"));
  }

  /** The city's towns, where the synthetic residents live. */
  List<Town> towns() throws IOException {
    return Town.load(dir().resolve("city/aizuwakamatsu_towns.csv"));
  }
}
