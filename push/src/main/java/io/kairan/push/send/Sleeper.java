package io.kairan.push.send;

import java.time.Duration;

/** Waiting, injected so that back-off and rate limits are tested without sleeping. */
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
