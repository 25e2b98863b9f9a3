package io.kairan.push;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import io.kairan.push.fcm.FcmSettings;
import io.kairan.push.send.FcmSender;
import io.kairan.push.send.PushMetrics;
import io.kairan.push.send.RateLimiter;
import io.kairan.push.send.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;

/** The sender as the service builds it, on a test clock that is also its sleeper. */
public final class FcmSenders {
  private FcmSenders() {}

  public static FcmSender on(
      FirebaseApp app, MutableClock clock, long perMinute, MeterRegistry registry) {
    return on(app, clock, perMinute, FcmSettings.DEFAULT_MAX_IN_FLIGHT, registry);
  }

  public static FcmSender on(
      FirebaseApp app,
      MutableClock clock,
      long perMinute,
      int maxInFlight,
      MeterRegistry registry) {
    return new FcmSender(
        FirebaseMessaging.getInstance(app),
        new RateLimiter(perMinute, clock, clock),
        maxInFlight,
        RetryPolicy.standard(),
        clock,
        new PushMetrics(registry));
  }
}
