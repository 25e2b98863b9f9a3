package io.kairan.api.kafka;

/** Kafka did not acknowledge a record in time; nothing was accepted. */
public class PublishFailedException extends RuntimeException {
  public PublishFailedException(String topic, Throwable cause) {
    super("could not publish to " + topic, cause);
  }
}
