package io.kairan.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortsTest {
  private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  @Test
  void aFreePortIsDrawnBelowTheKernelsEphemeralRangeWhereNoOutgoingConnectionTakesIt()
      throws Exception {
    assumeTrue(Files.exists(RANGE), "a Linux kernel");
    int ephemeralStart = Integer.parseInt(Files.readAllLines(RANGE).get(0).split("\\s+")[0]);
    assumeTrue(ephemeralStart > 10_000, "room below the ephemeral range");

    for (int i = 0; i < 20; i++) {
      assertThat(Ports.free()).isBetween(10_000, ephemeralStart - 1);
    }
  }
}
