package io.kairan.push.dispatch;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.notice.Severity;
import io.kairan.push.email.EmailAddresses;
import io.kairan.push.email.FallbackMail;
import io.kairan.push.email.MailOut;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.send.FcmSender;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fallback channel: an important or emergency delivery meant to be pushed that reached none of
 * its resident's devices — they have none, every token was unregistered, or every push failed after
 * its retries — goes by e-mail to the resident's verified address, once (the ledger remembers it
 * under the device id {@link PushResult#EMAIL}). It runs when the pushes' outcomes are known: there
 * are no delivery receipts to wait for, so waiting longer would not tell more.
 */
@Component
public class EmailFallback {
  private final EmailAddresses addresses;
  private final MailOut mail;
  private final ResidentLanguages languages;
  private final SentLedger ledger;
  private final DeviceRegistry devices;
  private final String detailsUrl;

  /** Mails in flight at once. */
  static final int PARALLEL = 8;

  private final ExecutorService senders =
      Executors.newFixedThreadPool(
          PARALLEL,
          r -> {
            Thread thread = new Thread(r, "kairan-mail-out");
            thread.setDaemon(true);
            return thread;
          });

  public EmailFallback(
      EmailAddresses addresses,
      MailOut mail,
      ResidentLanguages languages,
      SentLedger ledger,
      DeviceRegistry devices,
      @Value("${kairan.push.email.details-url:}") String detailsUrl) {
    this.addresses = addresses;
    this.mail = mail;
    this.languages = languages;
    this.ledger = ledger;
    this.devices = devices;
    this.detailsUrl = detailsUrl;
  }

  /** No fallback: for the service parts that run without it (benchmarks, some tests). */
  public static EmailFallback off() {
    return new EmailFallback(null, null, null, null, null, null);
  }

  /** Whether the delivery is one the fallback is for at all. */
  static boolean isFor(Delivery delivery) {
    return delivery.severity() != Severity.INFO && delivery.channel().pushes();
  }

  /**
   * Mails each delivery that needs it, after its pushes' results are in the ledger; the results go
   * into {@code results}, which the caller awaits. The mails go {@link #PARALLEL} at a time: an
   * emergency can leave hundreds without a phone, and one SMTP exchange takes tens of milliseconds.
   */
  void mailUnreached(List<Delivery> due, ResultRecorder.Batch results) throws InterruptedException {
    if (mail == null || !mail.isOn()) {
      return;
    }
    Map<Delivery, Future<FcmSender.Outcome>> sending = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Delivery delivery : due) {
      if (!isFor(delivery)
          || ledger.isDone(delivery.id(), PushResult.EMAIL)
          || !seen.add(delivery.id())) {
        continue; // mailed already, or the same delivery twice in one poll (a replayed record)
      }
      boolean pushed =
          devices.devicesOf(delivery.residentId()).stream()
              .anyMatch(d -> ledger.messageIdOf(delivery.id(), d.id()).isPresent());
      if (pushed) {
        continue;
      }
      Optional<String> address = addresses.verifiedAddressOf(delivery.residentId());
      if (address.isEmpty()) {
        continue;
      }
      List<String> reads =
          languages
              .find(delivery.residentId())
              .map(ResidentLanguages.Reader::languages)
              .orElse(List.of());
      FallbackMail letter = FallbackMails.of(delivery, address.get(), reads, detailsUrl);
      sending.put(delivery, senders.submit(() -> mail.send(letter)));
    }
    for (var each : sending.entrySet()) {
      try {
        results.emailed(each.getKey(), each.getValue().get());
      } catch (ExecutionException e) {
        // MailOut answers every failure as EMAIL_FAILED; anything else is a bug to see at once.
        throw new IllegalStateException("fallback e-mail of " + each.getKey().id(), e.getCause());
      }
    }
  }
}
