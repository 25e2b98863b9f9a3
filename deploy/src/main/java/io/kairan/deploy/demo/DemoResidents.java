package io.kairan.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.deploy.cli.Tool;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * deploy/residents.sh: the residents the stack holds now (the latest profile of each on
 * profiles.v1, left ones removed), one a line: id, district, birth year, children, languages.
 */
@Command(
    name = "deploy/residents.sh",
    description = "The residents the running stack holds (latest profile on profiles.v1).",
    sortOptions = false)
public final class DemoResidents implements Callable<Integer> {
  @Option(names = "--district", paramLabel = "NAME", description = "only this district's")
  String district;

  @Option(names = "--max", paramLabel = "N", description = "at most N residents (default: 20)")
  Long max;

  @Mixin Broker broker;

  @Mixin Tool.Help help;

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

  public static void main(String[] args) {
    Tool.main(new DemoResidents(), args);
  }

  @Override
  public Integer call() {
    list(district, Tool.positive("--max", max, 20), broker.bootstrapServers());
    return Tool.DONE;
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
