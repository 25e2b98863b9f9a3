package io.kairan.push.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.PushOutcome;
import io.kairan.model.delivery.PushResult;
import io.kairan.model.json.Json;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.EmailAddress;
import io.kairan.model.site.SiteAdvice;
import io.kairan.push.Fixtures;
import io.kairan.push.ServiceParts;
import io.kairan.push.email.EmailAddresses;
import io.kairan.push.email.MailOut;
import io.kairan.push.fcmlocal.FcmError;
import io.kairan.push.state.SentLedger;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The fallback channel through a real SMTP server (GreenMail) and the real FCM sender against the
 * local FCM server: an important delivery that reached none of its resident's devices is mailed to
 * their verified address, once; everyone a push reached, or who has no verified address, gets no
 * mail.
 */
class EmailFallbackTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final ServiceParts parts = ServiceParts.startingAt(NOW);
  private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
  private final EmailAddresses addresses = EmailAddresses.standalone();
  private final SentLedger ledger = SentLedger.standalone(parts.clock);

  {
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
    parts.close();
  }

  private Dispatcher dispatcher(int smtpPort) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    EmailFallback fallback =
        new EmailFallback(
            addresses,
            MailOut.through(sender, "kairan@city.example"),
            parts.languages,
            ledger,
            parts.devices,
            "https://kairan.city.example/app/");
    return parts.dispatcher(
        ledger, parts.recorder(ledger), new PushSettings(false, false), fallback);
  }

  private Dispatcher dispatcher() {
    return dispatcher(smtp.getSmtp().getPort());
  }

  private void verified(String resident, String address) {
    addresses.put(new EmailAddress(resident, address, null, NOW, NOW));
  }

  private void withDevice(String resident) {
    parts.devices.put(Fixtures.device("d-" + resident, resident, "tok-" + resident, "ja"));
  }

  private static Delivery emergency(String resident) {
    return Fixtures.emergency(
        "n-quake",
        1,
        resident,
        Map.of("ja", "避難指示", "en", "Evacuation order"),
        List.of(
            new SiteAdvice(
                SiteAdvice.SAFE_FOR_HAZARD,
                "s-1",
                "鶴城小学校",
                "会津若松市城東町",
                new GeoPoint(37.4877, 139.9301),
                1.23),
            new SiteAdvice(
                SiteAdvice.TAKES_IN_YOUR_NEEDS,
                "h-1",
                "会津若松市役所",
                "会津若松市追手町",
                new GeoPoint(37.4948, 139.9298),
                0.38)),
        NOW);
  }

  private List<String> recipients() {
    return Arrays.stream(smtp.getReceivedMessages())
        .map(
            m -> {
              try {
                return m.getAllRecipients()[0].toString();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private List<PushResult> emailResults() {
    return parts.kafka.acknowledged(Topics.PUSH_RESULTS).stream()
        .map(r -> Json.read(r.value(), PushResult.class))
        .filter(r -> PushResult.EMAIL.equals(r.deviceId()))
        .toList();
  }

  @Test
  void aResidentWithoutADeviceGetsTheEmergencyByEmailWithTheSiteAndTheShelter() throws Exception {
    verified("r-none", "none@example.jp");
    parts.languages.put("r-none", List.of("ja"), TOKYO);

    dispatcher().push(List.of(emergency("r-none")));

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("【緊急】避難指示");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("none@example.jp");
    String text = GreenMailUtil.getBody(mails[0]);
    assertThat(mails[0].getContent().toString())
        .contains("避難先: 鶴城小学校（1.2 km）")
        .contains("配慮のある避難所: 会津若松市役所（0.4 km）")
        .contains("https://kairan.city.example/app/");
    assertThat(text).isNotBlank();
    assertThat(emailResults())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(PushOutcome.EMAILED);
              assertThat(r.residentId()).isEqualTo("r-none");
              assertThat(r.fcmMessageId()).isEqualTo(mails[0].getMessageID());
            });
  }

  @Test
  void theMailIsInTheResidentsLanguage() throws Exception {
    verified("r-en", "en@example.jp");
    parts.languages.put("r-en", List.of("en"), TOKYO);

    dispatcher().push(List.of(emergency("r-en")));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("[Emergency] Evacuation order");
    assertThat(mail.getContent().toString()).contains("Go to: 鶴城小学校 (1.2 km)");
  }

  @Test
  void onlyThoseNoDeviceReachedAreMailedAndOnlyAtAVerifiedAddress() throws Exception {
    withDevice("r-pushed");
    verified("r-pushed", "pushed@example.jp");
    withDevice("r-unregistered");
    verified("r-unregistered", "unregistered@example.jp");
    parts.fcm.server().failToken("tok-r-unregistered", FcmError.UNREGISTERED);
    verified("r-deviceless", "deviceless@example.jp");
    addresses.put(new EmailAddress("r-unverified", "wait@example.jp", "ab12", NOW, null));

    dispatcher()
        .push(
            List.of(
                emergency("r-pushed"),
                emergency("r-unregistered"),
                emergency("r-deviceless"),
                emergency("r-unverified")));

    assertThat(recipients())
        .containsExactlyInAnyOrder("unregistered@example.jp", "deviceless@example.jp");
  }

  @Test
  void aNoticeForInformationOrOneNotMeantToBePushedIsNeverMailed() throws Exception {
    verified("r-info", "info@example.jp");
    verified("r-digest", "digest@example.jp");

    dispatcher()
        .push(
            List.of(
                Fixtures.pushNow("n-info", "r-info", Severity.INFO, NOW),
                Fixtures.delivery(
                    "n-feed",
                    1,
                    "r-digest",
                    Severity.IMPORTANT,
                    io.kairan.model.delivery.Channel.FEED_ONLY,
                    NOW,
                    NOW)));

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(emailResults()).isEmpty();
  }

  @Test
  void theSameDeliveryTwiceInOnePollIsMailedOnce() throws Exception {
    verified("r-twice", "twice@example.jp");

    dispatcher().push(List.of(emergency("r-twice"), emergency("r-twice")));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(emailResults()).hasSize(1);
  }

  @Test
  void aReplayedDeliveryIsNotMailedTwice() throws Exception {
    verified("r-once", "once@example.jp");
    Dispatcher dispatcher = dispatcher();

    dispatcher.push(List.of(emergency("r-once")));
    dispatcher.push(List.of(emergency("r-once")));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void whenTheSmtpServerIsDownTheFailureIsRecordedAndTheNextReplayMailsIt() throws Exception {
    verified("r-later", "later@example.jp");
    int port = smtp.getSmtp().getPort();
    smtp.stop();

    dispatcher(port).push(List.of(emergency("r-later")));

    assertThat(emailResults())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(PushOutcome.EMAIL_FAILED));
    GreenMail again = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    again.start();
    try {
      dispatcher(port).push(List.of(emergency("r-later")));
      assertThat(again.getReceivedMessages()).hasSize(1);
    } finally {
      again.stop();
    }
  }
}
