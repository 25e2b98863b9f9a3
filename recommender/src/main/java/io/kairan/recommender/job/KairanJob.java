package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.resident.Feedback;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The recommender job: notices, profiles, rule sets and feedback in; deliveries out. {@link #main}
 * wires real Kafka; {@link #defineWorkflow} is the graph itself, which tests run on bounded inputs.
 */
public final class KairanJob {
  public static final String NAME = "kairan-recommender";

  private KairanJob() {}

  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, JobSettings.from(args), Clock.systemUTC());
    env.execute(NAME);
  }

  /** Starts the job without blocking, as the local stack does on its MiniCluster. */
  public static JobClient start(StreamExecutionEnvironment env, JobSettings settings)
      throws Exception {
    return start(env, settings, Clock.systemUTC());
  }

  /**
   * Starts the job on a given clock (serializable, e.g. {@link Clock#fixed}): tests whose outcome
   * depends on the time of day (quiet hours, digests, daily caps) run it on a fixed instant.
   */
  public static JobClient start(StreamExecutionEnvironment env, JobSettings settings, Clock clock)
      throws Exception {
    build(env, settings, clock);
    return env.executeAsync(NAME);
  }

  static void build(StreamExecutionEnvironment env, JobSettings settings, Clock clock) {
    env.enableCheckpointing(settings.checkpointInterval().toMillis());
    // Kryo stays off: a type Flink cannot analyse fails here, when the graph is built, and never
    // becomes a checkpoint that a later serializer cannot read.
    env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    // Records pass between chained operators as they are, not deep-copied: every type in the graph
    // is an immutable record, and no operator changes what it receives (a copy of each match and
    // each delivery was an eighth of the match stage in a JFR profile, issue #17).
    env.getConfig().enableObjectReuse();
    Outputs outputs =
        defineWorkflow(
            read(env, settings, Topics.NOTICES),
            read(env, settings, Topics.PROFILES),
            read(env, settings, Topics.RULES),
            read(env, settings, Topics.FEEDBACK),
            read(env, settings, Topics.SITES),
            clock);
    outputs
        .deliveries()
        .sinkTo(KafkaConnectors.deliveries(settings, Topics.DELIVERIES))
        .name("deliveries")
        .uid("deliveries-sink");
    outputs
        .shadowDeliveries()
        .sinkTo(KafkaConnectors.deliveries(settings, Topics.SHADOW_DELIVERIES))
        .name("shadow-deliveries")
        .uid("shadow-deliveries-sink");
    outputs
        .deadLetters()
        .sinkTo(KafkaConnectors.deadLetters(settings))
        .name("dead-letters")
        .uid("dead-letters-sink");
  }

  private static DataStream<RawRecord> read(
      StreamExecutionEnvironment env, JobSettings settings, String topic) {
    String name = topic.replaceFirst("\\.v\\d+$", "");
    return env.fromSource(
            KafkaConnectors.source(settings, topic), WatermarkStrategy.noWatermarks(), name)
        .uid(name + "-source");
  }

  /** The job's outputs: deliveries, what a shadow rule set would deliver, and dead letters. */
  public record Outputs(
      DataStream<Delivery> deliveries,
      DataStream<Delivery> shadowDeliveries,
      DataStream<DeadLetter> deadLetters) {}

  /**
   * The graph: parse; match per shard; decide per resident under the rule sets, which every decide
   * subtask receives with the notices' withdrawals and corrections on a broadcast stream.
   */
  public static Outputs defineWorkflow(
      DataStream<RawRecord> notices,
      DataStream<RawRecord> profiles,
      DataStream<RawRecord> rules,
      DataStream<RawRecord> feedback,
      DataStream<RawRecord> sites,
      Clock clock) {
    SingleOutputStreamOperator<ShardedNotice> parsedNotices =
        notices.process(new ParseNotices(clock)).name("parse-notices").uid("parse-notices");
    SingleOutputStreamOperator<ProfileChange> parsedProfiles =
        profiles.process(new ParseProfiles(clock)).name("parse-profiles").uid("parse-profiles");
    SingleOutputStreamOperator<Control> parsedRules =
        rules.process(new ParseRules(clock)).name("parse-rules").uid("parse-rules");
    SingleOutputStreamOperator<Feedback> parsedFeedback =
        feedback.process(new ParseFeedback(clock)).name("parse-feedback").uid("parse-feedback");
    SingleOutputStreamOperator<Control> parsedSites =
        sites.process(new ParseSites(clock)).name("parse-sites").uid("parse-sites");

    SingleOutputStreamOperator<Match> matched =
        parsedProfiles
            .keyBy(change -> Shards.of(change.residentId()))
            .connect(parsedNotices.keyBy(ShardedNotice::shard))
            .process(new MatchShard(clock))
            .name("match")
            .uid("match");
    DataStream<ResidentEvent> matches =
        matched.map(ResidentEvent::of).name("matches").uid("matches");
    DataStream<ResidentEvent> residentEvents =
        matches.union(
            // The decide stage forgets a deleted resident and keeps what a correction needs.
            parsedProfiles.map(ResidentEvent::of).name("profile-changes").uid("profile-changes"),
            parsedFeedback.map(ResidentEvent::of).name("feedback").uid("feedback"));
    BroadcastStream<Control> controls =
        parsedRules
            .union(parsedNotices.getSideOutput(ParseNotices.WITHDRAWALS), parsedSites)
            .broadcast(
                DecideDeliveries.RULE_SETS, DecideDeliveries.SITES, DecideDeliveries.CORRECTIONS);

    SingleOutputStreamOperator<Delivery> deliveries =
        residentEvents
            .keyBy(ResidentEvent::residentId)
            .connect(controls)
            .process(new DecideDeliveries(clock))
            .name("decide")
            .uid("decide");

    DataStream<DeadLetter> deadLetters =
        parsedNotices
            .getSideOutput(DeadLetters.TAG)
            .union(
                parsedProfiles.getSideOutput(DeadLetters.TAG),
                parsedRules.getSideOutput(DeadLetters.TAG),
                parsedFeedback.getSideOutput(DeadLetters.TAG),
                parsedSites.getSideOutput(DeadLetters.TAG),
                matched.getSideOutput(DeadLetters.TAG),
                deliveries.getSideOutput(DeadLetters.TAG))
            .map(new CountDeadLetters())
            .name("count-dead-letters")
            .uid("count-dead-letters");
    return new Outputs(deliveries, deliveries.getSideOutput(DecideDeliveries.SHADOW), deadLetters);
  }
}
