package io.kairan.deploy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One process's CPU time and memory as Linux keeps them: {@code /proc/PID/stat} (user and system
 * time in clock ticks, fields 14 and 15) and {@code /proc/PID/status} (resident memory now and at
 * its peak). Both files are readable for any user's process, Elasticsearch's under its own user
 * too.
 */
record ProcStat(long cpuTicks, long rssKib, long peakRssKib) {

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}): 100 on every Linux here. */
  static final int TICKS_PER_SECOND = 100;

  double cpuSeconds() {
    return cpuTicks / (double) TICKS_PER_SECOND;
  }

  /** The process's figures now; empty once it has exited. */
  static Optional<ProcStat> of(long pid) {
    Path proc = Path.of("/proc", String.valueOf(pid));
    try {
      return Optional.of(
          parse(Files.readString(proc.resolve("stat")), Files.readString(proc.resolve("status"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static ProcStat parse(String stat, String status) {
    return new ProcStat(cpuTicks(stat), kib(status, "VmRSS"), kib(status, "VmHWM"));
  }

  /**
   * utime + stime. The command name (field 2) is in parentheses and may itself hold spaces and
   * parentheses, so fields are counted from after its last ')': the state there is field 3.
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  /** A {@code Name: 1234 kB} line of /proc/PID/status; 0 when absent (a kernel thread). */
  static long kib(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).replace("kB", "").trim());
      }
    }
    return 0;
  }
}
