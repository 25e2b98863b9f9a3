package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static io.kairan.recommender.Examples.childcareNoticeForKitaaizuParents;
import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The whole graph on a local MiniCluster, with Kryo forbidden so every type on the wire is a POJO.
 */
class WorkflowTest {

  private static RawRecord profileRecord(ResidentProfile p) {
    return new RawRecord(Topics.PROFILES, p.id(), Json.write(p), 0);
  }

  /** An empty input (Flink's collection source cannot start from an empty collection). */
  private static DataStream<RawRecord> none(StreamExecutionEnvironment env) {
    return env.fromData(new RawRecord("none", null, null, 0)).filter(record -> false);
  }

  /** One output record of a run: a delivery or a dead letter, so one execution collects both. */
  public record Collected(Delivery delivery, DeadLetter letter) {}

  /** What a run of the graph gave. */
  private record Run(List<Delivery> deliveries, List<DeadLetter> letters) {}

  /** Runs the graph to its end: every record of the bounded inputs has gone through. */
  private static Run runToTheEnd(KairanJob.Outputs outputs) throws Exception {
    DataStream<Collected> both =
        outputs
            .deliveries()
            .map(d -> new Collected(d, null))
            .returns(Collected.class)
            .union(outputs.deadLetters().map(l -> new Collected(null, l)).returns(Collected.class));
    var deliveries = new ArrayList<Delivery>();
    var letters = new ArrayList<DeadLetter>();
    try (var it = both.executeAndCollect()) {
      it.forEachRemaining(
          c -> {
            if (c.delivery() != null) {
              deliveries.add(c.delivery());
            } else {
              letters.add(c.letter());
            }
          });
    }
    return new Run(deliveries, letters);
  }

  /** The topic the job's dead-letter sink writes the letter to. */
  private static String dlqTopic(DeadLetter letter) {
    return KafkaConnectors.deadLetterRecords().serialize(letter, null, 0L).topic();
  }

  private static StreamExecutionEnvironment withoutKryo() {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    return env;
  }

  /** The graph at noon on the childcare notice for 北会津町's parents and the given profiles. */
  private static KairanJob.Outputs childcareNoticeWith(
      StreamExecutionEnvironment env, DataStream<RawRecord> profiles) {
    Notice notice = childcareNoticeForKitaaizuParents();
    return KairanJob.defineWorkflow(
        env.fromData(new RawRecord(Topics.NOTICES, notice.id(), Json.write(notice), 0)),
        profiles,
        none(env),
        none(env),
        none(env),
        Clock.fixed(NOON_JST, ZoneOffset.UTC));
  }

  @Test
  void theGraphDeliversToTheTargetedResidentsAndDeadLettersBadRecords() throws Exception {
    StreamExecutionEnvironment env = withoutKryo();
    var profiles = new ArrayList<RawRecord>();
    for (int i = 0; i < 50; i++) {
      profiles.add(
          profileRecord(resident("parent-" + i, "北会津町", 1990, List.of(2022), Category.CHILDCARE)));
      profiles.add(
          profileRecord(resident("other-" + i, "湊町", 1990, List.of(2022), Category.CHILDCARE)));
    }
    profiles.add(new RawRecord(Topics.PROFILES, "broken", "{not json", 0));

    Run run = runToTheEnd(childcareNoticeWith(env, env.fromData(profiles)));

    assertThat(run.deliveries())
        .extracting(Delivery::residentId)
        .hasSize(50)
        .allMatch(id -> id.startsWith("parent-"))
        .doesNotHaveDuplicates();
    assertThat(run.letters())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(dlqTopic(letter)).isEqualTo("profiles.dlq");
              assertThat(letter.key()).isEqualTo("broken");
              assertThat(letter.value()).isEqualTo("{not json");
              assertThat(letter.reason()).contains("not a valid ResidentProfile");
            });
  }

  @Test
  void impossibleQuietHoursAreDeadLetteredAndTheResidentGetsNothingWhileANeighbourDoes()
      throws Exception {
    StreamExecutionEnvironment env = withoutKryo();
    ResidentProfile neighbour =
        resident("neighbour", "北会津町", 1990, List.of(2022), Category.CHILDCARE);
    ObjectNode sleepless =
        Json.mapper()
            .valueToTree(resident("sleepless", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
    ((ObjectNode) sleepless.get("quietHours")).put("start", "25:00");

    Run run =
        runToTheEnd(
            childcareNoticeWith(
                env,
                env.fromData(
                    new RawRecord(Topics.PROFILES, "sleepless", sleepless.toString(), 0),
                    profileRecord(neighbour))));

    // The job ran to its end, so the neighbour's delivery shows the notice went through.
    assertThat(run.deliveries()).extracting(Delivery::residentId).containsExactly("neighbour");
    assertThat(run.letters())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(dlqTopic(letter)).isEqualTo("profiles.dlq");
              assertThat(letter.key()).isEqualTo("sleepless");
              assertThat(letter.reason()).contains("quietHours.start: must be a local time HH:mm");
            });
  }

  @Test
  void badRecordsBecomeDeadLettersWithTheirReasonOnTheirOwnTopic() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    var profiles =
        List.of(
            new RawRecord(Topics.PROFILES, "broken", "{not json", 0),
            new RawRecord(
                Topics.PROFILES, "r-2", Json.write(resident("r-3", "湊町", 1990, List.of())), 0));
    var notices = List.of(new RawRecord(Topics.NOTICES, "n", "{\"id\":\"n\",\"version\":0}", 0));
    var rules =
        List.of(
            new RawRecord(Topics.RULES, "active", null, 0),
            new RawRecord(
                Topics.RULES,
                "shadow",
                "{\"name\":\"x\",\"version\":1,\"pushThreshold\":2,\"dailyPushCap\":5,"
                    + "\"firmDailyPushCap\":1,\"digestTime\":\"18:00\"}",
                0));
    var feedback = List.of(new RawRecord(Topics.FEEDBACK, "r-1", "{\"residentId\":\"r-2\"}", 0));
    var sites =
        List.of(
            new RawRecord(
                Topics.SITES,
                "E1",
                "{\"id\":\"E1\",\"kind\":\"EVACUATION_SITE\",\"name\":\"x\","
                    + "\"location\":{\"lat\":137.5,\"lon\":139.9}}",
                0));

    var outputs =
        KairanJob.defineWorkflow(
            env.fromData(notices),
            env.fromData(profiles),
            env.fromData(rules),
            env.fromData(feedback),
            env.fromData(sites),
            Clock.fixed(NOON_JST, ZoneOffset.UTC));
    var reasons = new HashMap<String, String>();
    try (var it = outputs.deadLetters().executeAndCollect()) {
      it.forEachRemaining(
          letter ->
              reasons.merge(
                  dlqTopic(letter) + " " + letter.key(), letter.reason(), String::concat));
    }

    assertThat(reasons)
        .containsOnlyKeys(
            "profiles.dlq broken",
            "profiles.dlq r-2",
            "notices.dlq n",
            "rules.dlq active",
            "rules.dlq shadow",
            "feedback.dlq r-1",
            "sites.dlq E1");
    assertThat(reasons.get("profiles.dlq broken")).contains("not a valid ResidentProfile");
    assertThat(reasons.get("profiles.dlq r-2")).contains("id: must equal the record key");
    assertThat(reasons.get("notices.dlq n"))
        .contains("version: must be 1 or more")
        .contains("municipalityCode");
    assertThat(reasons.get("rules.dlq active")).contains("can be replaced but not removed");
    assertThat(reasons.get("rules.dlq shadow"))
        .contains("slot: is required", "weights: is required", "pushThreshold");
    assertThat(reasons.get("feedback.dlq r-1"))
        .contains("residentId: must equal the record key", "kind");
  }
}
