package io.kairan.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for stacks started by tests, so runs never collide. They are drawn below the
 * kernel's ephemeral range: a port from that range (what binding port 0 gives) can be taken by any
 * outgoing connection, a Kafka client's say, between the moment it is chosen and the moment the
 * server binds it, which for the API is a minute later.
 */
public final class Ports {
  private static final int LOWEST = 10_000;

  private Ports() {}

  public static int free() {
    int below = ephemeralRangeStart();
    for (int attempt = 0; attempt < 200 && below > LOWEST; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (isFree(port)) {
        return port;
      }
    }
    return bind(0);
  }

  private static boolean isFree(int port) {
    try {
      bind(port);
      return true;
    } catch (UncheckedIOException taken) {
      return false;
    }
  }

  private static int bind(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first port the kernel hands to outgoing connections (32768 on Linux by default). */
  private static int ephemeralRangeStart() {
    // A line, not Files.readString: procfs reports a size of 0 and readString returned "3" here.
    try (var reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException unknown) {
      return 32_768;
    }
  }
}
