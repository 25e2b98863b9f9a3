package io.kairan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of several benchmark runs in one table: reads the JSON each benchmark wrote (its
 * "scorecard"), prints every figure against its target, and writes them together with the machine
 * they ran on. Usage: Scorecard OUT.json IN.json... (deploy/bench.sh calls it).
 */
public final class Scorecard {
  private Scorecard() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Scorecard OUT.json IN.json...");
      System.exit(2);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    System.out.printf(
        "%n%-16s %-64s %14s %-6s %-16s %s%n", "benchmark", "figure", "value", "unit", "target", "");
    for (int i = 1; i < args.length; i++) {
      Path file = Path.of(args[i]);
      String bench = file.getFileName().toString().replaceFirst("\\.json$", "");
      if (!Files.exists(file)) {
        System.out.printf("%-16s (no figures: the run failed, see its log)%n", bench);
        continue;
      }
      for (JsonNode figure : Json.mapper().readTree(file.toFile()).path("scorecard")) {
        JsonNode met = figure.path("met");
        System.out.printf(
            "%-16s %-64s %14s %-6s %-16s %s%n",
            bench,
            figure.path("figure").asText(),
            String.format("%,.1f", figure.path("value").asDouble()),
            figure.path("unit").asText(),
            figure.path("target").isNull() ? "" : figure.path("target").asText(),
            met.isNull() ? "" : met.asBoolean() ? "met" : "NOT MET");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", bench);
        row.putAll(Json.mapper().convertValue(figure, Map.class));
        rows.add(row);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", Instant.now().toString());
    out.put("machine", machine());
    out.put("figures", rows);
    Files.writeString(
        Path.of(args[0]), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    System.out.println("\nscorecard written to " + args[0]);
  }

  private static Map<String, Object> machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "memoryGiB",
        ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / (1L << 30));
    machine.put("loadAverageAtEnd", os.getSystemLoadAverage());
    machine.put("java", System.getProperty("java.version"));
    return machine;
  }
}
