package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The recommender job: notices and profiles in, deliveries out. {@link #main} wires real Kafka;
 * {@link #defineWorkflow} is the graph itself, which tests run on bounded inputs.
 */
public final class KairanJob {
  public static final String NAME = "kairan-recommender";

  private KairanJob() {}

  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, JobSettings.from(args));
    env.execute(NAME);
  }

  /** Starts the job without blocking, as the local stack does on its MiniCluster. */
  public static JobClient start(StreamExecutionEnvironment env, JobSettings settings)
      throws Exception {
    build(env, settings);
    return env.executeAsync(NAME);
  }

  static void build(StreamExecutionEnvironment env, JobSettings settings) {
    env.enableCheckpointing(settings.checkpointInterval().toMillis());
    DataStream<RawRecord> notices =
        env.fromSource(
                KafkaConnectors.source(settings, Topics.NOTICES),
                WatermarkStrategy.noWatermarks(),
                "notices")
            .uid("notices-source");
    DataStream<RawRecord> profiles =
        env.fromSource(
                KafkaConnectors.source(settings, Topics.PROFILES),
                WatermarkStrategy.noWatermarks(),
                "profiles")
            .uid("profiles-source");
    Outputs outputs = defineWorkflow(notices, profiles, Clock.systemUTC());
    outputs
        .deliveries()
        .sinkTo(KafkaConnectors.deliveries(settings))
        .name("deliveries")
        .uid("deliveries-sink");
    outputs
        .deadLetters()
        .sinkTo(KafkaConnectors.deadLetters(settings))
        .name("dead-letters")
        .uid("dead-letters-sink");
  }

  /** The job's two outputs. */
  public record Outputs(DataStream<Delivery> deliveries, DataStream<DeadLetter> deadLetters) {}

  /** The graph: parse, match per shard, decide per resident. */
  public static Outputs defineWorkflow(
      DataStream<RawRecord> notices, DataStream<RawRecord> profiles, Clock clock) {
    SingleOutputStreamOperator<ShardedNotice> parsedNotices =
        notices.process(new ParseNotices(clock)).name("parse-notices").uid("parse-notices");
    SingleOutputStreamOperator<ProfileChange> parsedProfiles =
        profiles.process(new ParseProfiles(clock)).name("parse-profiles").uid("parse-profiles");

    DataStream<Delivery> deliveries =
        parsedProfiles
            .keyBy(change -> Shards.of(change.residentId()))
            .connect(parsedNotices.keyBy(ShardedNotice::shard))
            .process(new MatchShard(clock))
            .name("match")
            .uid("match")
            .keyBy(match -> match.residentId())
            .connect(parsedProfiles.keyBy(ProfileChange::residentId))
            .process(new DecideDeliveries(clock))
            .name("decide")
            .uid("decide");

    DataStream<DeadLetter> deadLetters =
        parsedNotices
            .getSideOutput(DeadLetters.TAG)
            .union(parsedProfiles.getSideOutput(DeadLetters.TAG));
    return new Outputs(deliveries, deadLetters);
  }
}
