package io.kairan.deploy.bench;

import io.kairan.deploy.stack.JobStateBackend;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.job.KairanJob;
import io.kairan.recommender.job.RawRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.FileUtils;

/**
 * Deliveries decided per second by the real job graph on a local MiniCluster: every profile is
 * loaded first, then the notices arrive, and the clock runs from the first delivery to the last.
 */
final class FlinkThroughput {
  // The MiniCluster runs in this JVM, so plain statics carry the counts out of the operators.
  private static final AtomicLong PROFILES_IN = new AtomicLong();
  private static final AtomicLong DELIVERIES = new AtomicLong();
  private static final AtomicLong FIRST_NANOS = new AtomicLong();
  private static final AtomicLong LAST_NANOS = new AtomicLong();
  // Read by the profile source by index: a collection source would ship all of them in the job
  // graph, which at a million residents exceeds what one serialized job may hold.
  private static volatile List<ResidentProfile> profiles = List.of();

  private FlinkThroughput() {}

  record Result(long deliveries, double seconds, double perSecond) {}

  /**
   * One run with the job's state in {@code stateBackend} ({@code hashmap} or {@code rocksdb}); no
   * checkpoints are taken, so the figure is the state's access cost, not its snapshots'.
   */
  static Result measure(
      List<ResidentProfile> residents,
      List<Notice> notices,
      Instant now,
      int parallelism,
      String stateBackend)
      throws Exception {
    profiles = residents;
    PROFILES_IN.set(0);
    DELIVERIES.set(0);
    FIRST_NANOS.set(0);
    List<RawRecord> noticeRecords =
        notices.stream().map(n -> new RawRecord(Topics.NOTICES, n.id(), Json.write(n), 0)).toList();
    long total = profiles.size();

    Configuration config = new Configuration();
    Path changelog = Files.createTempDirectory("kairan-changelog-");
    JobStateBackend.configure(config, stateBackend, changelog);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    DataStream<RawRecord> profileStream =
        env.fromSource(
                new DataGeneratorSource<>(
                    FlinkThroughput::profileRecord, total, TypeInformation.of(RawRecord.class)),
                WatermarkStrategy.noWatermarks(),
                "profiles")
            .map(
                r -> {
                  PROFILES_IN.incrementAndGet();
                  return r;
                });
    // Notices wait until every profile has entered the graph, so all deliveries are news.
    DataStream<RawRecord> noticeStream =
        env.fromData(noticeRecords)
            .map(
                r -> {
                  while (PROFILES_IN.get() < total) {
                    Thread.sleep(50);
                  }
                  return r;
                });
    DataStream<RawRecord> none =
        env.fromData(new RawRecord("none", null, null, 0)).filter(r -> false);
    KairanJob.defineWorkflow(
            noticeStream, profileStream, none, none, none, Clock.fixed(now, ZoneOffset.UTC))
        .deliveries()
        .map(FlinkThroughput::count)
        .sinkTo(new DiscardingSink<>());
    try {
      env.execute("kairan-throughput");
    } finally {
      // Quietly: Flink may still be removing its own changelog files when the job has ended.
      FileUtils.deleteDirectoryQuietly(changelog.toFile());
    }
    profiles = List.of();
    long deliveries = DELIVERIES.get();
    double seconds = (LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9;
    return new Result(deliveries, seconds, deliveries / seconds);
  }

  /** A profile as the job reads it from profiles.v1: its JSON, parsed in the graph. */
  private static RawRecord profileRecord(long index) {
    ResidentProfile p = profiles.get((int) index);
    return new RawRecord(Topics.PROFILES, p.id(), Json.write(p), 0);
  }

  private static Delivery count(Delivery delivery) {
    long t = System.nanoTime();
    FIRST_NANOS.compareAndSet(0, t);
    LAST_NANOS.accumulateAndGet(t, Math::max);
    DELIVERIES.incrementAndGet();
    return delivery;
  }
}
