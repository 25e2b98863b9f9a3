package io.kairan.push;

import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.push.fcm.LocalFcm;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.state.NoticeBook;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import io.kairan.push.topic.DistrictTopics;
import io.kairan.push.topic.SubscriptionKeeper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Measures what push keeps in memory per device, per notice and per push: heap in use after full
 * collections, before and after filling each structure with realistic values (FCM tokens of 163
 * characters, UUID ids). Not a test: run it with {@code java -cp <push test classpath>
 * io.kairan.push.StateFootprint [count]}; the README quotes its output.
 */
public final class StateFootprint {
  private StateFootprint() {}

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  /**
   * Arguments: devices, notices, pushes or residents (one a run, so nothing else is collected
   * meanwhile), n.
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    switch (args.length > 0 ? args[0] : "devices") {
      case "devices" -> devices(n);
      case "notices" -> notices(n);
      case "pushes" -> pushes(n);
      case "residents" -> residents(n);
      default -> throw new IllegalArgumentException("devices, notices, pushes or residents");
    }
  }

  private static void devices(int n) throws Exception {
    String token = "x".repeat(152);
    String topic = DistrictTopics.of("072028", "北会津町", "ja");
    try (LocalFcm fcm = LocalFcm.start()) {
      DeviceRegistry devices = DeviceRegistry.standalone();
      SubscriptionKeeper keeper = new SubscriptionKeeper(fcm.messaging(), devices, false);
      long before = used();
      for (int i = 0; i < n; i++) {
        String resident = "r-" + (1_000_000 + i);
        // One device a resident, subscribed to the resident's district topic (confirmed).
        devices.put(
            Fixtures.device("device-" + resident, resident, token + (10_000_000 + i), "ja"));
        keeper.districtOf(resident, topic);
      }
      keeper.flush();
      long perDevice = (used() - before) / n;
      report(
          "device (registry, district of its resident, confirmed subscription)",
          perDevice,
          devices.size());
      keeper.destroy();
    }
  }

  private static void notices(int n) throws Exception {
    Instant now = NOW;
    NoticeBook notices = NoticeBook.standalone(new MutableClock(now));
    long before = used();
    for (int i = 0; i < n; i++) {
      notices.add(
          Fixtures.notice(
              UUID.randomUUID().toString(),
              3,
              Severity.IMPORTANT,
              NoticeStatus.PUBLISHED,
              new Audience.InDistrict(List.of("北会津町")),
              now,
              now.plus(Duration.ofDays(30))));
    }
    report("notice (notice book)", (used() - before) / n, notices.size());
  }

  private static void pushes(int n) throws Exception {
    Instant now = NOW;
    SentLedger ledger = SentLedger.standalone(new MutableClock(now));
    long before = used();
    for (int i = 0; i < n; i++) {
      ledger.record(
          new PushResult(
              UUID.randomUUID().toString(),
              "device-r-" + (1_000_000 + i),
              "r-" + (1_000_000 + i),
              "n",
              PushOutcome.SENT,
              "projects/kairan/messages/0:" + (1_700_000_000_000_000L + i) + "%31bd1c9631bd1c96",
              null,
              now));
    }
    report("push (sent ledger entry, kept 48 h)", (used() - before) / n, ledger.size());
  }

  /** Residents' languages: a few lists shared by many, as in a city (most read Japanese). */
  private static void residents(int n) {
    List<List<String>> lists =
        List.of(List.of("ja"), List.of("ja-x-easy", "ja"), List.of("en", "ja"), List.of("vi"));
    ResidentLanguages languages = ResidentLanguages.standalone();
    long before = used();
    for (int i = 0; i < n; i++) {
      languages.put(
          "r-" + (1_000_000 + i),
          List.copyOf(lists.get(i % lists.size())),
          java.time.ZoneId.of("Asia/Tokyo"));
    }
    report("resident (languages and time zone)", (used() - before) / n, languages.size());
  }

  private static void report(String what, long bytes, int n) {
    System.out.printf("%-70s %5d B  (%,d measured)%n", what, bytes, n);
  }

  /**
   * Run with a stop-the-world collector (-XX:+UseSerialGC): System.gc() returns when it is done.
   */
  private static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
