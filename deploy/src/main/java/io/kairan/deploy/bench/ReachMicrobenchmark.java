package io.kairan.deploy.bench;

import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Eligibility;
import io.kairan.recommender.match.ProfileIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The index's reach per audience shape, in JMH beside the end-to-end benchmark, with the plain scan
 * of the same residents as the baseline of the same run. Sample time, so p99 per shape is printed.
 * Usage: deploy/bench-reach.sh [-p residents=1000000] [-p shape=over-65] [any JMH option].
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class ReachMicrobenchmark {
  // The same instant for every run, so the residents and their ages are the same every time.
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Param({"200000"})
  int residents;

  @Param({
    "everyone",
    "district",
    "parents-2-districts",
    "over-65",
    "any-of",
    "not",
    "elders-district",
    "circle"
  })
  String shape;

  private List<ResidentProfile> profiles;
  private ProfileIndex index;
  private Notice notice;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path samples = Path.of(System.getProperty("kairan.samples", "samples"));
    List<Town> towns = Town.load(samples.resolve("city/aizuwakamatsu_towns.csv"));
    profiles = SyntheticResidents.generate(towns, residents, 72028, NOW);
    index = new ProfileIndex();
    profiles.forEach(index::put);
    notice = BenchNotices.notice(shape, NOW);
    int scanned = plainScan();
    if (index.reach(notice, NOW) != scanned) {
      throw new IllegalStateException("the index disagrees with the plain scan on " + shape);
    }
  }

  @Benchmark
  public int indexReach() {
    return index.reach(notice, NOW);
  }

  /** The baseline: every profile tested with the reference matcher. */
  @Benchmark
  public int plainScan() {
    int count = 0;
    for (ResidentProfile p : profiles) {
      if (Eligibility.isEligible(notice, p, NOW)) {
        count++;
      }
    }
    return count;
  }
}
