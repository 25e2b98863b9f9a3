package io.kairan.deploy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CPU time and memory of the cluster's processes at the marks of a run (before the load,
 * after it, after the notice stream), and the machine's load average every 2 s in between, since
 * the machine is shared and its load says how far the figures can be trusted.
 */
final class ProcessMeter implements AutoCloseable {
  /** A process of the cluster under the name the tables give it. */
  record Named(String name, long pid) {}

  /** Every process's reading at one moment. */
  record Mark(long nanos, Map<String, ProcStat> stats) {}

  private final List<Named> processes;
  private final List<double[]> loadAverages = new ArrayList<>(); // {nanos, 1-minute load}
  private final Thread sampler;
  private volatile boolean stopped;

  ProcessMeter(List<Named> processes) {
    this.processes = List.copyOf(processes);
    sampler = new Thread(this::sample, "load-average");
    sampler.setDaemon(true);
    sampler.start();
  }

  Mark mark() {
    Map<String, ProcStat> stats = new LinkedHashMap<>();
    for (Named p : processes) {
      ProcStat.of(p.pid()).ifPresent(s -> stats.put(p.name(), s));
    }
    return new Mark(System.nanoTime(), stats);
  }

  /** What each process (alive at both marks) used between them. */
  List<ProcessUsage> between(Mark from, Mark to) {
    double wall = (to.nanos() - from.nanos()) / 1e9;
    List<ProcessUsage> usage = new ArrayList<>();
    for (Named p : processes) {
      ProcStat before = from.stats().get(p.name());
      ProcStat after = to.stats().get(p.name());
      if (before != null && after != null) {
        usage.add(ProcessUsage.between(p.name(), p.pid(), before, after, wall));
      }
    }
    return usage;
  }

  /** The lowest and highest 1-minute load average read since the mark, {0, 0} if none was. */
  synchronized double[] loadAverageRange(Mark since) {
    var range =
        loadAverages.stream()
            .filter(s -> s[0] >= since.nanos())
            .mapToDouble(s -> s[1])
            .summaryStatistics();
    return range.getCount() == 0
        ? new double[] {0, 0}
        : new double[] {range.getMin(), range.getMax()};
  }

  private void sample() {
    while (!stopped) {
      try {
        double one = oneMinuteLoad(Files.readString(Path.of("/proc/loadavg")));
        synchronized (this) {
          loadAverages.add(new double[] {System.nanoTime(), one});
        }
        Thread.sleep(2000);
      } catch (IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The first field of /proc/loadavg. */
  static double oneMinuteLoad(String loadavg) {
    return Double.parseDouble(loadavg.trim().split(" +")[0]);
  }

  @Override
  public void close() {
    stopped = true;
    sampler.interrupt();
  }
}
