package io.kairan.push.dispatch;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.notice.Severity;
import io.kairan.push.email.EmailAddresses;
import io.kairan.push.email.MailOut;
import io.kairan.push.profile.ResidentLanguages;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.state.SentLedger;
import io.kairan.push.token.DeviceRegistry;
import java.util.List;
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
   * into {@code results}, which the caller awaits.
   */
  void mailUnreached(List<Delivery> due, ResultRecorder.Batch results) {
    if (mail == null || !mail.isOn()) {
      return;
    }
    for (Delivery delivery : due) {
      if (!isFor(delivery) || ledger.isDone(delivery.id(), PushResult.EMAIL)) {
        continue;
      }
      boolean pushed =
          devices.devicesOf(delivery.residentId()).stream()
              .anyMatch(d -> ledger.messageIdOf(delivery.id(), d.id()).isPresent());
      if (pushed) {
        continue;
      }
      addresses
          .verifiedAddressOf(delivery.residentId())
          .ifPresent(
              address ->
                  results.emailed(
                      delivery,
                      mail.send(
                          FallbackMails.of(
                              delivery,
                              address,
                              languages
                                  .find(delivery.residentId())
                                  .map(ResidentLanguages.Reader::languages)
                                  .orElse(List.of()),
                              detailsUrl))));
    }
  }
}
