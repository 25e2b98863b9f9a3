package io.kairan.push.send;

import io.kairan.model.delivery.PushOutcome;
import io.kairan.push.send.FcmSender.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * kairan.push.messages{outcome}, kairan.push.retried, kairan.push.rate_limited (actuator /metrics).
 */
public final class PushMetrics {
  private final MeterRegistry registry;
  private final Counter retried;
  private final Counter rateLimited;

  public PushMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.retried =
        Counter.builder("kairan.push.retried")
            .description("messages sent again after a retryable FCM error")
            .register(registry);
    this.rateLimited =
        Counter.builder("kairan.push.rate_limited")
            .description("messages that waited for the client-side rate limit")
            .register(registry);
    // Every outcome from the start: the README's metric URL answers (with 0) before the first push.
    for (PushOutcome outcome : PushOutcome.values()) {
      messages(outcome);
    }
  }

  void count(Outcome outcome) {
    messages(outcome.outcome()).increment();
  }

  private Counter messages(PushOutcome outcome) {
    return Counter.builder("kairan.push.messages")
        .tag("outcome", outcome.name().toLowerCase())
        .register(registry);
  }

  void retried(int messages) {
    retried.increment(messages);
  }

  void rateLimited(int messages) {
    rateLimited.increment(messages);
  }
}
