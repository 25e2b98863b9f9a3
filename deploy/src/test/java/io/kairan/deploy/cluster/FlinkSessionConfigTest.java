package io.kairan.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session cluster's conf/, read back as Flink's own processes read it. */
class FlinkSessionConfigTest {
  private static final int REST_PORT = 18081;
  private static final int RPC_PORT = 16123;

  @TempDir Path dir;

  /** Writes the configuration of a cluster in {@code dir/cluster} and returns its conf/. */
  private Path writtenConf() throws Exception {
    Path home = dir.resolve("flink-home");
    Files.createDirectories(home.resolve("lib"));
    FlinkSessionSettings settings =
        new FlinkSessionSettings(home, dir.resolve("cluster"), 2, 2, REST_PORT, "1g", "1280m");
    FlinkSessionConfig.write(settings.conf(), FlinkSessionConfig.of(settings, RPC_PORT));
    return settings.conf();
  }

  private Map<String, String> readBack() throws Exception {
    return FlinkSessionConfig.read(writtenConf()).toMap();
  }

  @Test
  void flinkReadsBackTheAddressesPortsMemoryAndSharedCheckpointDirectory() throws Exception {
    assertThat(readBack())
        .containsEntry("jobmanager.rpc.address", "127.0.0.1")
        .containsEntry("jobmanager.rpc.port", "16123")
        .containsEntry("rest.bind-address", "127.0.0.1")
        .containsEntry("rest.port", "18081")
        .containsEntry("taskmanager.host", "127.0.0.1")
        .containsEntry("taskmanager.numberOfTaskSlots", "2")
        .containsEntry("jobmanager.memory.process.size", "1 gb")
        .containsEntry("taskmanager.memory.process.size", "1280 mb")
        .containsEntry("restart-strategy.type", "exponential-delay")
        .containsEntry(
            "execution.checkpointing.dir", "file://" + dir.resolve("cluster/checkpoints"));
  }

  @Test
  void theProcessesAskAfterEachOtherEveryTwoSecondsAndGiveUpAfterTen() throws Exception {
    assertThat(readBack())
        .containsEntry("heartbeat.interval", "2 s")
        .containsEntry("heartbeat.timeout", "10 s");
  }

  @Test
  void theLog4jConfigurationLogsToTheFileEachProcessNames() throws Exception {
    assertThat(Files.readString(writtenConf().resolve("log4j.properties")))
        .contains("appender.main.fileName = ${sys:log.file}");
  }
}
