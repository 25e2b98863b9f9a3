package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static io.kairan.recommender.Examples.childcareNoticeForKitaaizuParents;
import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  @Test
  void theGraphDeliversToTheTargetedResidentsDespiteABrokenProfile() throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);

    var profiles = new ArrayList<RawRecord>();
    for (int i = 0; i < 50; i++) {
      profiles.add(
          profileRecord(resident("parent-" + i, "北会津町", 1990, List.of(2022), Category.CHILDCARE)));
      profiles.add(
          profileRecord(resident("other-" + i, "湊町", 1990, List.of(2022), Category.CHILDCARE)));
    }
    profiles.add(new RawRecord(Topics.PROFILES, "broken", "{not json", 0));
    var notices =
        List.of(
            new RawRecord(
                Topics.NOTICES, "n-child", Json.write(childcareNoticeForKitaaizuParents()), 0));

    var outputs =
        KairanJob.defineWorkflow(
            env.fromData(notices),
            env.fromData(profiles),
            none(env),
            none(env),
            Clock.fixed(NOON_JST, ZoneOffset.UTC));
    List<Delivery> deliveries = new ArrayList<>();
    try (var it = outputs.deliveries().executeAndCollect()) {
      it.forEachRemaining(deliveries::add);
    }

    assertThat(deliveries)
        .extracting(Delivery::residentId)
        .hasSize(50)
        .allMatch(id -> id.startsWith("parent-"))
        .doesNotHaveDuplicates();
  }

  @Test
  void badRecordsBecomeDeadLettersWithTheirReason() throws Exception {
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

    var outputs =
        KairanJob.defineWorkflow(
            env.fromData(notices),
            env.fromData(profiles),
            env.fromData(rules),
            env.fromData(feedback),
            Clock.fixed(NOON_JST, ZoneOffset.UTC));
    var letters = new ArrayList<io.kairan.model.DeadLetter>();
    try (var it = outputs.deadLetters().executeAndCollect()) {
      it.forEachRemaining(letters::add);
    }

    assertThat(letters).hasSize(6);
    assertThat(letters)
        .anySatisfy(l -> assertThat(l.reason()).contains("can be replaced but not removed"));
    assertThat(letters)
        .anySatisfy(
            l ->
                assertThat(l.reason())
                    .contains("slot: is required", "weights: is required", "pushThreshold"));
    assertThat(letters)
        .anySatisfy(
            l -> assertThat(l.reason()).contains("residentId: must equal the record key", "kind"));
    assertThat(letters)
        .anySatisfy(l -> assertThat(l.reason()).contains("not a valid ResidentProfile"));
    assertThat(letters)
        .anySatisfy(l -> assertThat(l.reason()).contains("id: must equal the record key"));
    assertThat(letters)
        .anySatisfy(
            l ->
                assertThat(l.reason())
                    .contains("version: must be 1 or more")
                    .contains("municipalityCode"));
  }
}
