package io.kairan.deploy.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of this JVM (the MiniCluster, the API and push run in it) while a
 * benchmark runs, in wall-clock milliseconds. G1 reports young and full collections and, as "G1
 * Concurrent GC", the pauses of its concurrent cycle (remark and cleanup).
 */
final class GcPauses implements AutoCloseable {
  record Pause(long start, long millis, String collector, String cause) {
    long overlapWith(long from, long to) {
      return Math.max(0, Math.min(to, start + millis) - Math.max(from, start));
    }
  }

  private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final List<Pause> pauses = new ArrayList<>();
  private final NotificationListener listener = this::handle;

  private GcPauses() {}

  static GcPauses follow() {
    GcPauses gc = new GcPauses();
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) bean).addNotificationListener(gc.listener, null, null);
    }
    return gc;
  }

  private static final Pattern LOGGED_PAUSE =
      Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) (Pause .*?) \\S+->\\S+ ([0-9.]+)ms$");
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /**
   * The pauses another JVM logged with {@code -Xlog:gc:file=...:time}: each line's time is when the
   * pause ended.
   */
  static List<Pause> fromLog(Path log) throws IOException {
    var pauses = new ArrayList<Pause>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOGGED_PAUSE.matcher(line.trim());
      if (m.matches()) {
        long end = OffsetDateTime.parse(m.group(1), LOG_TIME).toInstant().toEpochMilli();
        long millis = Math.round(Double.parseDouble(m.group(3)));
        pauses.add(new Pause(end - millis, millis, "job JVM", m.group(2)));
      }
    }
    return pauses;
  }

  synchronized List<Pause> all() {
    return new ArrayList<>(pauses);
  }

  private void handle(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    synchronized (this) {
      pauses.add(
          new Pause(
              jvmStart + info.getGcInfo().getStartTime(),
              info.getGcInfo().getDuration(),
              info.getGcName(),
              info.getGcCause()));
    }
  }

  @Override
  public void close() throws Exception {
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) bean).removeNotificationListener(listener);
    }
  }
}
