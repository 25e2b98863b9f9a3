package io.kairan.api.kafka;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/** Keeps a {@link TopicBook} from a compacted topic: read whole at start, then followed. */
public final class BookReplay implements SmartLifecycle {
  private final TopicReplay replay;

  public BookReplay(String topic, String clientId, KafkaProperties kafka, TopicBook<?> book) {
    this.replay =
        new TopicReplay(
            topic,
            clientId,
            kafka,
            TopicReplay.Reader.of(r -> book.accept(r.key(), r.value()), book::markCaughtUp));
  }

  @Override
  public void start() {
    replay.start();
  }

  @Override
  public void stop() {
    replay.stop();
  }

  @Override
  public boolean isRunning() {
    return replay.isRunning();
  }
}
