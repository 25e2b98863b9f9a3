package io.kairan.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  // A JVM's /proc/PID/stat whose command name holds a space and a parenthesis, as a thread's may:
  // utime (field 14) 1234, stime (field 15) 566.
  private static final String STAT =
      "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 91 0 0 0 1234 566 7 8 20 0 42 0 9000"
          + " 123456789 2048 18446744073709551615 1 1 0 0 0 0 0 4096 17 1 0 0 0 0 0\n";

  private static final String STATUS =
      """
      Name:\tjava
      VmPeak:\t 9000000 kB
      VmHWM:\t  819200 kB
      VmRSS:\t  524288 kB
      VmSwap:\t       0 kB
      """;

  @Test
  void cpuTimeIsUserPlusSystemTicksCountedFromAfterTheCommandName() {
    ProcStat stat = ProcStat.parse(STAT, STATUS);

    assertThat(stat.cpuTicks()).isEqualTo(1234 + 566);
    assertThat(stat.cpuSeconds()).isCloseTo(18.0, within(1e-9));
  }

  @Test
  void memoryIsTheResidentSetNowAndItsHighWaterMarkInKib() {
    ProcStat stat = ProcStat.parse(STAT, STATUS);

    assertThat(stat.rssKib()).isEqualTo(524_288);
    assertThat(stat.peakRssKib()).isEqualTo(819_200);
  }

  @Test
  void aProcessWithoutResidentMemoryLinesHasNone() {
    assertThat(ProcStat.kib("Name:\tkthreadd\nState:\tS (sleeping)\n", "VmRSS")).isZero();
  }

  @Test
  void usageBetweenTwoReadingsIsTheCpuDifferenceOverTheWallTimeAndTheLaterMemory() {
    ProcStat before = new ProcStat(1_000, 100 * 1024, 200 * 1024);
    ProcStat after = new ProcStat(1_750, 300 * 1024, 400 * 1024);

    ProcessUsage usage = ProcessUsage.between("taskmanager-0", 7, before, after, 5.0);

    // 750 ticks = 7.5 s of CPU in 5 s of wall time: 1.5 cores.
    assertThat(usage.cpuSeconds()).isCloseTo(7.5, within(1e-9));
    assertThat(usage.cores()).isCloseTo(1.5, within(1e-9));
    assertThat(usage.rssMib()).isEqualTo(300);
    assertThat(usage.peakRssMib()).isEqualTo(400);
  }

  @Test
  void theOneMinuteLoadAverageIsTheFirstFieldOfProcLoadavg() {
    assertThat(ProcessMeter.oneMinuteLoad("3.38 1.96 1.90 2/345 10329\n"))
        .isCloseTo(3.38, within(1e-9));
  }
}
