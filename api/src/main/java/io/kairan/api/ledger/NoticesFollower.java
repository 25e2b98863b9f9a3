package io.kairan.api.ledger;

import io.kairan.api.kafka.TopicReplay;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads notices.v1 from its beginning into the {@link NoticeLedger}, then follows it ({@link
 * TopicReplay}: every partition, no consumer group, since each instance needs the whole ledger). It
 * starts before the web server and holds the start until the topic has been read up to where it
 * ended (at most {@code startupWait}), so the API serves no write on a partial ledger.
 */
@Component
class NoticesFollower implements SmartLifecycle, TopicReplay.Reader {
  private static final Logger log = LoggerFactory.getLogger(NoticesFollower.class);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final NoticeLedger ledger;
  private final LedgerSettings settings;
  private final TopicReplay replay;
  private long lastSweep = System.nanoTime();

  NoticesFollower(NoticeLedger ledger, KafkaProperties kafka, LedgerSettings settings) {
    this.ledger = ledger;
    this.settings = settings;
    this.replay = new TopicReplay(Topics.NOTICES, "kairan-api-ledger", kafka, this);
  }

  @Override
  public void start() {
    replay.start();
    if (!ledger.awaitCaughtUp(settings.startupWait())) {
      log.warn(
          "notices.v1 not read to its end within {}; the API is not ready and refuses writes until"
              + " it is",
          settings.startupWait());
    }
  }

  @Override
  public void stop() {
    replay.stop();
  }

  @Override
  public boolean isRunning() {
    return replay.isRunning();
  }

  /** Before the web server (its phase is DEFAULT_PHASE - 2048), so writes find the ledger read. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public void caughtUp() {
    if (!ledger.isCaughtUp()) {
      ledger.markCaughtUp();
      log.info("notices.v1 read: {} notices, {} idempotency keys", ledger.notices(), ledger.keys());
    }
  }

  @Override
  public void afterPoll() {
    if (System.nanoTime() - lastSweep > SWEEP_EVERY.toNanos()) {
      ledger.forgetOld();
      lastSweep = System.nanoTime();
    }
  }

  @Override
  public void apply(ConsumerRecord<String, String> record) {
    Notice notice;
    try {
      notice = record.value() == null ? null : Json.read(record.value(), Notice.class);
    } catch (InvalidRecordException e) {
      notice = null; // the recommender dead-letters it; nothing the API could change anyway
    }
    if (notice == null || notice.id() == null || notice.publisher() == null) {
      return;
    }
    String key = header(record, LedgerHeaders.IDEMPOTENCY_KEY);
    String fingerprint = header(record, LedgerHeaders.FINGERPRINT);
    if (notice.version() == 1 && key != null && fingerprint != null) {
      ledger.recordPost(
          new FirstPost(new PostKey(notice.publisher().id(), key), fingerprint, notice));
    }
    ledger.apply(notice);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
