package io.kairan.deploy.stack;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateChangelogOptions;

/**
 * Where the job keeps its state, and so what a checkpoint costs. On the heap ({@code hashmap})
 * every checkpoint serializes all of it: a million profiles every interval. {@code changelog} keeps
 * the heap but checkpoints only the changes since the last one, writing the whole state every ten
 * minutes; {@code rocksdb} keeps it on disk and checkpoints incrementally (issue #17).
 */
public final class JobStateBackend {
  public static final String HASHMAP = "hashmap";
  public static final String CHANGELOG = "changelog";
  public static final String ROCKSDB = "rocksdb";

  static final Duration MATERIALIZE_EVERY = Duration.ofMinutes(10);

  private JobStateBackend() {}

  public static void configure(Configuration flink, String backend, Path changelogDir) {
    switch (backend) {
      case HASHMAP -> flink.set(StateBackendOptions.STATE_BACKEND, HASHMAP);
      case ROCKSDB -> {
        flink.set(StateBackendOptions.STATE_BACKEND, ROCKSDB);
        flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
      }
      case CHANGELOG -> {
        flink.set(StateBackendOptions.STATE_BACKEND, HASHMAP);
        flink.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        flink.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        flink.set(FsStateChangelogOptions.BASE_PATH, changelogDir.toUri().toString());
        flink.set(StateChangelogOptions.PERIODIC_MATERIALIZATION_INTERVAL, MATERIALIZE_EVERY);
      }
      default -> throw new IllegalArgumentException("unknown state backend " + backend);
    }
  }
}
