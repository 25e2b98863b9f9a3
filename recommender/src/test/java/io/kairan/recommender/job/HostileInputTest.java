package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.RandomProfiles;
import io.kairan.recommender.match.Eligibility;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the whole job graph on a MiniCluster: a seeded mix of valid and broken
 * profiles, notices, rule sets and feedback. Every valid notice reaches exactly the residents the
 * plain scan finds; every broken record is in its own dead-letter topic; nothing else is lost and
 * the job runs to the end. Re-run a failure with {@code -Dkairan.seed=N}.
 */
class HostileInputTest {
  private static final int RESIDENTS = 300;
  private static final int NOTICES = 40;

  @Test
  void validNoticesReachExactlyTheScannedResidentsAndEveryBrokenRecordIsDeadLettered()
      throws Exception {
    long seed = Long.getLong("kairan.seed", System.nanoTime());
    System.out.println(
        "HostileInputTest seed: " + seed + " (re-run with -Dkairan.seed=" + seed + ")");
    Random random = new Random(seed);
    var input = new Input();

    var profiles = new ArrayList<ResidentProfile>();
    for (int i = 0; i < RESIDENTS; i++) {
      ResidentProfile profile =
          withQuietHoursAndZone(RandomProfiles.profile(random, i, NOON_JST), random);
      profiles.add(profile);
      input.validProfile(profile);
      if (random.nextInt(3) == 0) {
        input.broken(Topics.PROFILES, brokenProfile(profile, random));
      }
    }
    // The reproduction from the issue: quiet hours of 25:00 once stopped every delivery.
    ResidentProfile sleepless = RandomProfiles.profile(random, RESIDENTS, NOON_JST);
    ObjectNode quiet = Json.mapper().valueToTree(sleepless);
    quiet.putObject("quietHours").put("start", "25:00").put("end", "07:00");
    input.broken(Topics.PROFILES, new Raw(sleepless.id(), quiet.toString()));

    var notices = new ArrayList<Notice>();
    for (int n = 0; n < NOTICES; n++) {
      Severity severity = random.nextBoolean() ? Severity.IMPORTANT : Severity.INFO;
      Notice notice = notice("n-" + n, RandomAudiences.next(random, 3), severity, random);
      notices.add(notice);
      input.valid(Topics.NOTICES, new Raw(notice.id(), Json.write(notice)));
      if (random.nextInt(2) == 0) {
        input.broken(Topics.NOTICES, brokenNotice(notice, random));
      }
    }
    Notice emergency = notice("n-emergency", new Audience.Everyone(), Severity.EMERGENCY, random);
    notices.add(emergency);
    input.valid(Topics.NOTICES, new Raw(emergency.id(), Json.write(emergency)));

    for (int r = 0; r < 8; r++) {
      input.broken(Topics.RULES, brokenRuleSet(random));
    }
    for (int f = 0; f < 20; f++) {
      String resident = "r-" + random.nextInt(RESIDENTS);
      String feedback =
          "{\"residentId\":\""
              + resident
              + "\",\"noticeId\":\"n-"
              + random.nextInt(NOTICES)
              + "\",\"kind\":\"USEFUL\",\"at\":\""
              + NOON_JST
              + "\"}";
      input.valid(Topics.FEEDBACK, new Raw(resident, feedback));
      input.broken(Topics.FEEDBACK, brokenFeedback(resident, random));
    }

    for (int s = 0; s < 6; s++) {
      String id = "E" + s;
      input.valid(
          Topics.SITES,
          new Raw(
              id,
              "{\"id\":\""
                  + id
                  + "\",\"kind\":\"EVACUATION_SITE\",\"name\":\"避難場所\",\"safeFor\":[\"FLOOD\"],"
                  + "\"location\":{\"lat\":37.5,\"lon\":139.9}}"));
      input.broken(
          Topics.SITES,
          new Raw(
              id + "-broken",
              switch (random.nextInt(4)) {
                case 0 -> "{not json";
                case 1 ->
                    "{\"id\":\"other\",\"kind\":\"SHELTER\",\"name\":\"x\",\"location\":{\"lat\":1,\"lon\":1}}";
                case 2 ->
                    "{\"id\":\""
                        + id
                        + "-broken\",\"kind\":\"SHELTER\",\"name\":\"x\",\"location\":{\"lat\":91,\"lon\":1}}";
                default -> "{\"id\":\"" + id + "-broken\",\"kind\":\"CAVE\",\"name\":\"x\"}";
              }));
    }

    Output output = run(input, random);

    var expected = new HashSet<String>();
    for (Notice notice : notices) {
      for (ResidentProfile profile : profiles) {
        if (Eligibility.isEligible(notice, profile, NOON_JST)) {
          expected.add(notice.id() + "→" + profile.id());
        }
      }
    }
    assertThat(output.deliveries())
        .extracting(d -> d.noticeId() + "→" + d.residentId())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(output.deliveries())
        .filteredOn(d -> d.noticeId().equals("n-emergency"))
        .hasSize(
            profiles.stream().filter(p -> p.municipalityCode().equals("072028")).toList().size());

    assertThat(output.deadLetters())
        .extracting(l -> Topics.deadLetter(l.sourceTopic()) + " " + l.key() + " " + l.value())
        .containsExactlyInAnyOrderElementsOf(
            input.brokenRecords.stream()
                .map(
                    b -> Topics.deadLetter(b.topic()) + " " + b.raw().key() + " " + b.raw().value())
                .toList());
    assertThat(output.deadLetters())
        .filteredOn(l -> l.key().equals(sleepless.id()) && l.value().contains("25:00"))
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).contains("quietHours.start"));
  }

  private record Raw(String key, String value) {}

  private record Tagged(String topic, Raw raw) {}

  private record Output(List<Delivery> deliveries, List<DeadLetter> deadLetters) {}

  /** The records of each topic, valid and broken, and which were broken. */
  private static final class Input {
    final Map<String, List<Raw>> byTopic = new HashMap<>();
    final List<Tagged> brokenRecords = new ArrayList<>();

    void validProfile(ResidentProfile profile) {
      valid(Topics.PROFILES, new Raw(profile.id(), Json.write(profile)));
    }

    void valid(String topic, Raw raw) {
      byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(raw);
    }

    void broken(String topic, Raw raw) {
      valid(topic, raw);
      brokenRecords.add(new Tagged(topic, raw));
    }

    List<RawRecord> records(String topic, Random random) {
      var raws = new ArrayList<>(byTopic.getOrDefault(topic, List.of()));
      Collections.shuffle(raws, random); // broken records interleaved with the valid ones
      var records = new ArrayList<RawRecord>();
      for (Raw raw : raws) {
        records.add(new RawRecord(topic, raw.key(), raw.value(), 0));
      }
      // Flink's collection source cannot start from an empty collection.
      records.add(new RawRecord(topic, "padding", "{}", 0));
      brokenRecords.add(new Tagged(topic, new Raw("padding", "{}")));
      return records;
    }
  }

  private static Output run(Input input, Random random) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    var outputs =
        KairanJob.defineWorkflow(
            env.fromData(input.records(Topics.NOTICES, random)),
            env.fromData(input.records(Topics.PROFILES, random)),
            env.fromData(input.records(Topics.RULES, random)),
            env.fromData(input.records(Topics.FEEDBACK, random)),
            env.fromData(input.records(Topics.SITES, random)),
            Clock.fixed(NOON_JST, ZoneOffset.UTC));
    CloseableIterator<Delivery> deliveries = outputs.deliveries().collectAsync();
    CloseableIterator<DeadLetter> letters = outputs.deadLetters().collectAsync();
    env.executeAsync("hostile-input");
    var delivered = new ArrayList<Delivery>();
    var dead = new ArrayList<DeadLetter>();
    Thread drainLetters = new Thread(() -> letters.forEachRemaining(dead::add));
    drainLetters.start();
    deliveries.forEachRemaining(delivered::add);
    drainLetters.join();
    deliveries.close();
    letters.close();
    return new Output(delivered, dead);
  }

  private static ResidentProfile withQuietHoursAndZone(ResidentProfile p, Random random) {
    QuietHours quiet =
        random.nextBoolean()
            ? null
            : new QuietHours(
                String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)),
                String.format("%02d:%02d", random.nextInt(24), random.nextInt(60)));
    String zone = random.nextInt(4) == 0 ? "America/Sao_Paulo" : "Asia/Tokyo";
    return new ResidentProfile(
        p.id(),
        p.municipalityCode(),
        p.district(),
        p.home(),
        p.birthYear(),
        p.childrenBirthYears(),
        p.languages(),
        p.interests(),
        p.consents(),
        quiet,
        zone,
        p.accessibility(),
        p.updatedAt());
  }

  private static Notice notice(String id, Audience audience, Severity severity, Random random) {
    Category category = Category.values()[random.nextInt(Category.values().length)];
    return new Notice(
        id,
        1,
        new Publisher("bousai-ka", "防災課", PublisherKind.DEPARTMENT),
        "072028",
        category,
        Map.of("ja", "お知らせ " + id),
        Map.of("ja", "本文"),
        null,
        null,
        new Validity(NOON_JST.minusSeconds(3600), NOON_JST.plusSeconds(7 * 86400)),
        severity,
        NoticeStatus.PUBLISHED,
        audience,
        NOON_JST);
  }

  /** One of many ways a profile record goes wrong; the key is the resident's, so none may win. */
  private static Raw brokenProfile(ResidentProfile profile, Random random) {
    ObjectNode json = Json.mapper().valueToTree(profile);
    String key = profile.id();
    List<Consumer<ObjectNode>> breakages =
        List.of(
            j -> j.put("birthYear", "nineteen-ninety"),
            j -> j.remove("municipalityCode"),
            j -> j.put("birthYear", 3000),
            j -> j.putArray("childrenBirthYears").add(1800),
            j -> j.putArray("childrenBirthYears").addNull(),
            j -> j.putObject("quietHours").put("start", "22:00").put("end", "xx"),
            j -> j.putObject("quietHours").put("start", "7:00").put("end", "22:00"),
            j -> j.putObject("quietHours").put("start", "24:00").put("end", "07:00"),
            j -> j.put("timeZone", "Mars/Olympus_Mons"),
            j -> j.putObject("consents").putObject("ALIENS").put("granted", true),
            j -> j.putObject("home").put("lat", 200).put("lon", 139.9),
            j -> {
              ArrayNode langs = j.putArray("languages");
              for (int i = 0; i < 1000; i++) {
                langs.add("ja");
              }
            },
            j -> {
              ObjectNode deep = j.putObject("interests");
              for (int i = 0; i < 200; i++) {
                deep = deep.putObject("x");
              }
            },
            j -> j.put("id", "someone-else"));
    breakages.get(random.nextInt(breakages.size())).accept(json);
    return switch (random.nextInt(8)) {
      case 0 -> new Raw(key, "{not json");
      case 1 -> new Raw(key, "null");
      case 2 -> new Raw(key, "[1,2,3]");
      default -> new Raw(key, json.toString());
    };
  }

  private static Raw brokenNotice(Notice notice, Random random) {
    ObjectNode json = Json.mapper().valueToTree(notice);
    String key = notice.id() + "-broken";
    json.put("id", key);
    List<Consumer<ObjectNode>> breakages =
        List.of(
            j -> j.put("version", "one"),
            j -> j.remove("audience"),
            j -> j.put("severity", "APOCALYPSE"),
            j -> j.putObject("audience").put("type", "galaxy"),
            j -> {
              ObjectNode not = j.putObject("audience");
              for (int i = 0; i < 20; i++) {
                not.put("type", "not");
                not = not.putObject("not");
              }
              not.put("type", "everyone");
            },
            j -> {
              ArrayNode districts =
                  j.putObject("audience").put("type", "district").putArray("districts");
              for (int i = 0; i < 600; i++) {
                districts.add("町" + i);
              }
            },
            j ->
                j.putObject("validity")
                    .put("from", "2026-12-01T00:00:00Z")
                    .put("until", "2026-11-01T00:00:00Z"),
            j -> j.putObject("title").put("ja", "<script>alert(1)</script>"),
            j -> j.put("municipalityCode", "072029"),
            j -> j.putObject("audience").put("type", "age").put("min", -5).put("max", 500));
    breakages.get(random.nextInt(breakages.size())).accept(json);
    return random.nextInt(6) == 0
        ? new Raw(key, "\u0000\uFFFF garbage")
        : new Raw(key, json.toString());
  }

  private static Raw brokenRuleSet(Random random) {
    ObjectNode json = Json.mapper().valueToTree(RuleSet.BUILTIN);
    json.put("name", "candidate");
    List<Consumer<ObjectNode>> breakages =
        List.of(
            j -> j.put("digestTime", "25:00"),
            j -> j.putObject("defaultQuietHours").put("start", "22:00").put("end", "xx"),
            j -> j.put("pushThreshold", 5),
            j -> j.put("dailyPushCap", "many"),
            j -> j.putObject("categoryWeights").put("ALIENS", 0.5),
            j -> j.remove("weights"));
    breakages.get(random.nextInt(breakages.size())).accept(json);
    return switch (random.nextInt(4)) {
      case 0 -> new Raw("middle", Json.write(RuleSet.BUILTIN));
      case 1 -> new Raw("active", null);
      default -> new Raw("shadow", json.toString());
    };
  }

  private static Raw brokenFeedback(String resident, Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> new Raw(resident, null);
      case 1 ->
          new Raw(
              resident,
              "{\"residentId\":\"" + resident + "\",\"noticeId\":\"n-1\",\"kind\":\"LOVE\"}");
      case 2 ->
          new Raw(
              resident,
              "{\"residentId\":\"someone-else\",\"noticeId\":\"n-1\",\"kind\":\"USEFUL\"}");
      default -> new Raw(resident, "{\"residentId\":" + Set.of(1) + "}");
    };
  }
}
