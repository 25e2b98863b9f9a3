package io.kairan.deploy.faults;

import java.time.Duration;

/**
 * The drill's size and pace: residents (spread over five towns), notices and their rate (so the
 * stream lasts notices / rate seconds), profile changes per second, how long a broker or
 * Elasticsearch stays down, how long without progress counts as settled, and whether a run without
 * faults is made first to compare with.
 */
record DrillOptions(
    int residents,
    int notices,
    double noticesPerSecond,
    double profileChangesPerSecond,
    Duration outage,
    Duration settle,
    int parallelism,
    boolean baseline,
    String json) {

  static final String USAGE =
      """
      deploy/faults.sh [--residents 1000] [--notices 150] [--notice-rate 0.5]
                       [--profile-rate 5] [--outage-s 30] [--settle-s 60] [--parallelism 2]
                       [--no-baseline] [--json FILE]
      """;

  static DrillOptions parse(String[] args) {
    int residents = 1000;
    int notices = 150;
    double noticeRate = 0.5;
    double profileRate = 5;
    int outage = 30;
    int settle = 60;
    int parallelism = 2;
    boolean baseline = true;
    String json = "deploy/target/faults/drill.json";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--no-baseline")) {
        baseline = false;
        continue;
      }
      if (arg.equals("--help")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      try {
        switch (arg) {
          case "--residents" -> residents = positive(arg, Integer.parseInt(value));
          case "--notices" -> notices = positive(arg, Integer.parseInt(value));
          case "--notice-rate" -> noticeRate = positive(arg, Double.parseDouble(value));
          case "--profile-rate" -> profileRate = positive(arg, Double.parseDouble(value));
          case "--outage-s" -> outage = positive(arg, Integer.parseInt(value));
          case "--settle-s" -> settle = positive(arg, Integer.parseInt(value));
          case "--parallelism" -> parallelism = positive(arg, Integer.parseInt(value));
          case "--json" -> json = value;
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(arg + ": not a number: " + value);
      }
    }
    if (residents < DrillWorkload.DISTRICTS.size()) {
      throw new IllegalArgumentException(
          "--residents: at least one per town, " + DrillWorkload.DISTRICTS.size());
    }
    if (parallelism > 4) {
      throw new IllegalArgumentException("--parallelism: two TaskManagers hold 4 slots at most");
    }
    return new DrillOptions(
        residents,
        notices,
        noticeRate,
        profileRate,
        Duration.ofSeconds(outage),
        Duration.ofSeconds(settle),
        parallelism,
        baseline,
        json);
  }

  private static int positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + ": must be at least 1, was " + value);
    }
    return value;
  }

  private static double positive(String option, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + ": must be above 0, was " + value);
    }
    return value;
  }
}
