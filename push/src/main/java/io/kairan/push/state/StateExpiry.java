package io.kairan.push.state;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Once a minute, the ledger and the notice book forget what is past their retention. */
@Component
class StateExpiry implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(StateExpiry.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "push-state-expiry"));

  StateExpiry(SentLedger ledger, NoticeBook notices) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int results = ledger.forgetExpired();
            int known = notices.forgetExpired();
            if (results + known > 0) {
              log.info("forgot {} push results and {} expired notices", results, known);
            }
          } catch (RuntimeException e) {
            log.warn("state expiry failed, trying again in a minute", e);
          }
        },
        1,
        1,
        TimeUnit.MINUTES);
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
