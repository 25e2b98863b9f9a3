package io.kairan.deploy.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one process used over a phase of the run: CPU seconds between two readings, the cores that
 * makes over the phase's wall time, its resident memory at the end and at its peak (the kernel's
 * high-water mark since the process started).
 */
record ProcessUsage(
    String name, long pid, double cpuSeconds, double cores, long rssMib, long peakRssMib) {

  static ProcessUsage between(
      String name, long pid, ProcStat before, ProcStat after, double wallSeconds) {
    double cpu = after.cpuSeconds() - before.cpuSeconds();
    return new ProcessUsage(
        name, pid, cpu, cpu / wallSeconds, after.rssKib() / 1024, after.peakRssKib() / 1024);
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("process", name);
    json.put("pid", pid);
    json.put("cpuSeconds", Math.round(cpuSeconds * 100) / 100.0);
    json.put("cores", Math.round(cores * 1000) / 1000.0);
    json.put("rssMiB", rssMib);
    json.put("peakRssMiB", peakRssMib);
    return json;
  }
}
