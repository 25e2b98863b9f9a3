package io.kairan.recommender.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The operator uids of the job as deployed: a savepoint's state is found again by uid, so a renamed
 * or missing uid loses state on restore. Changing this list is a decision, not a side effect.
 */
class JobGraphUidsTest {

  @Test
  void everyOperatorOfTheJobHasTheUidItHadBefore() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KairanJob.build(
        env,
        new JobSettings("localhost:9092", "kairan-recommender", Duration.ofSeconds(10)),
        Clock.systemUTC());

    List<String> uids =
        env.getStreamGraph().getStreamNodes().stream()
            .map(StreamNode::getTransformationUID)
            .sorted()
            .toList();

    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled())
        .as("Kryo off in the job as deployed")
        .isTrue();
    assertThat(uids)
        .doesNotContainNull()
        .containsExactly(
            // Flink derives the committers' uids from their sinks' uids.
            "Sink Committer: dead-letters-sink",
            "Sink Committer: deliveries-sink",
            "Sink Committer: shadow-deliveries-sink",
            "count-dead-letters",
            "dead-letters-sink",
            "decide",
            "deliveries-sink",
            "feedback",
            "feedback-source",
            "match",
            "matches",
            "notices-source",
            "parse-feedback",
            "parse-notices",
            "parse-profiles",
            "parse-rules",
            "parse-sites",
            // Was "deletions" and "profile-deletions" (stateless): now every profile change goes
            // to the decide stage, which keeps what a correction needs.
            "profile-changes",
            "profiles-source",
            "rules-source",
            "shadow-deliveries-sink",
            "sites-source");
  }
}
