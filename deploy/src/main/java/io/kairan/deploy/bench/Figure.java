package io.kairan.deploy.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure of a benchmark against its target: the value, what it must be at most or at least, and
 * whether it was met. A figure without a target (a baseline, a ratio) is met by nobody.
 */
record Figure(String name, double value, String unit, Double atMost, Double atLeast) {
  static Figure atMost(String name, double value, String unit, double target) {
    return new Figure(name, value, unit, target, null);
  }

  static Figure atLeast(String name, double value, String unit, double target) {
    return new Figure(name, value, unit, null, target);
  }

  static Figure measured(String name, double value, String unit) {
    return new Figure(name, value, unit, null, null);
  }

  /** Null when the figure has no target. */
  Boolean met() {
    if (atMost != null) {
      return value <= atMost;
    }
    if (atLeast != null) {
      return value >= atLeast;
    }
    return null;
  }

  String target() {
    if (atMost != null) {
      return "<= " + format(atMost);
    }
    return atLeast != null ? ">= " + format(atLeast) : "";
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("figure", name);
    json.put("value", value);
    json.put("unit", unit);
    json.put("target", atMost != null || atLeast != null ? target() + " " + unit : null);
    json.put("met", met());
    return json;
  }

  static void printTable(String title, List<Figure> figures) {
    System.out.printf("%n%s%n", title);
    System.out.printf("  %-58s %14s %-8s %-14s %s%n", "figure", "value", "unit", "target", "");
    for (Figure f : figures) {
      Boolean met = f.met();
      System.out.printf(
          "  %-58s %14s %-8s %-14s %s%n",
          f.name(),
          format(f.value()),
          f.unit(),
          f.target(),
          met == null ? "" : met ? "met" : "NOT MET");
    }
  }

  static List<Map<String, Object>> json(List<Figure> figures) {
    return figures.stream().map(Figure::json).toList();
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format("%,d", (long) value);
    }
    return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
  }
}
