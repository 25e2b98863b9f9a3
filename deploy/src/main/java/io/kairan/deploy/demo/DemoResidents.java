package io.kairan.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * deploy/residents.sh: the residents the stack holds now (the latest profile of each on
 * profiles.v1, left ones removed), one a line: id, district, birth year, children, languages.
 */
public final class DemoResidents {
  static final String USAGE =
      """
      usage: deploy/residents.sh [--district 北会津町] [--max 20] [--bootstrap-servers HOST:PORT]""";

  /** One line of the listing, read leniently: a broken profile is shown, not fatal. */
  record Resident(
      String id, String district, String birthYear, List<String> children, List<String> languages) {
    static Resident of(String id, JsonNode profile) {
      return new Resident(
          id,
          profile.path("district").asText("?"),
          profile.path("birthYear").asText("?"),
          texts(profile.path("childrenBirthYears")),
          texts(profile.path("languages")));
    }

    String line() {
      return String.join(
          "\t",
          id,
          district,
          "born " + birthYear,
          children.isEmpty() ? "no children" : "children " + String.join(",", children),
          String.join(",", languages));
    }

    private static List<String> texts(JsonNode array) {
      List<String> texts = new ArrayList<>();
      array.forEach(n -> texts.add(n.asText()));
      return texts;
    }
  }

  private DemoResidents() {}

  public static void main(String[] args) {
    CliArgs.run(
        USAGE,
        () -> {
          CliArgs cli =
              CliArgs.parse(args, Set.of("--district", "--max", "--bootstrap-servers"), Set.of());
          if (!cli.positional().isEmpty()) {
            throw new CliArgs.UsageException("unexpected " + cli.positional().get(0));
          }
          list(
              cli.option("--district", null),
              cli.count("--max", 20),
              TopicDump.bootstrapServers(cli));
        });
  }

  private static void list(String district, long max, String kafka) {
    TreeMap<String, Resident> residents = latest(kafka);
    List<Resident> shown =
        residents.values().stream()
            .filter(r -> district == null || district.equals(r.district()))
            .limit(max)
            .toList();
    shown.forEach(r -> System.out.println(r.line()));
    // On stderr, so the listing itself can be piped.
    System.err.printf(
        "%d of %d residents%s; deploy/token.sh resident <id> mints a token%n",
        shown.size(), residents.size(), district == null ? "" : " (district " + district + ")");
  }

  /** Compaction may not have run: the last record of a key wins, a tombstone removes it. */
  static TreeMap<String, Resident> latest(String kafka) {
    TreeMap<String, Resident> residents = new TreeMap<>();
    LocalTopics.read(
        kafka,
        Topics.PROFILES,
        false,
        record -> {
          if (record.value() == null) {
            residents.remove(record.key());
          } else {
            residents.put(record.key(), Resident.of(record.key(), readTree(record.value())));
          }
          return true;
        });
    return residents;
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      return Json.mapper().createObjectNode().put("district", "(not JSON)");
    }
  }
}
