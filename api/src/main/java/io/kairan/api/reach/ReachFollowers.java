package io.kairan.api.reach;

import io.kairan.api.kafka.TopicReplay;
import io.kairan.model.Topics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link ResidentIndex} from profiles.v1 and the {@link ActiveRules} from rules.v1, each
 * read whole from its beginning and then followed. Unlike the notice ledger, the start does not
 * wait for them: a million profiles take a while, and writes do not need them. Until both are read
 * the API is not ready ({@code residentIndex}) and a preview answers 503.
 */
@Component
class ReachFollowers implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ReachFollowers.class);
  private final List<TopicReplay> replays;
  private volatile boolean running;

  ReachFollowers(ResidentIndex residents, ActiveRules rules, KafkaProperties kafka) {
    this.replays =
        List.of(
            new TopicReplay(
                Topics.PROFILES,
                "kairan-api-residents",
                kafka,
                TopicReplay.Reader.of(
                    record -> residents.accept(record.key(), record.value()),
                    () -> {
                      residents.markCaughtUp();
                      log.info("profiles.v1 read: {} residents", residents.size());
                    })),
            new TopicReplay(
                Topics.RULES,
                "kairan-api-rules",
                kafka,
                TopicReplay.Reader.of(
                    record -> rules.accept(record.key(), record.value()), rules::markCaughtUp)));
  }

  @Override
  public void start() {
    replays.forEach(TopicReplay::start);
    running = true;
  }

  @Override
  public void stop() {
    replays.forEach(TopicReplay::stop);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
