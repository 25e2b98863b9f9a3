package io.kairan.api.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The mail with the verification link, in Japanese, easy Japanese and English (the address is not
 * yet known to be the resident's, so it says no more than that someone asked to add it).
 */
@Component
class VerificationMail {
  private final ObjectProvider<JavaMailSender> mail;
  private final EmailSettings settings;

  VerificationMail(ObjectProvider<JavaMailSender> mail, EmailSettings settings) {
    this.mail = mail;
    this.settings = settings;
  }

  /** Whether an SMTP server is configured (spring.mail.host); without one nothing is accepted. */
  boolean isSetUp() {
    return mail.getIfAvailable() != null;
  }

  /** Sends the link; throws {@link MailNotSentException} when the SMTP server did not take it. */
  void send(String address, String secret) {
    JavaMailSender sender = mail.getObject();
    String link = settings.linkBase() + "/api/v1/email/verification?token=" + secret;
    try {
      MimeMessage message = sender.createMimeMessage();
      message.setFrom(new InternetAddress(settings.from(), "Kairan 回覧", "UTF-8"));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
      message.setSubject("メールアドレスの確認 / Confirm your e-mail address", "UTF-8");
      message.setText(
          String.join(
              "\n",
              "回覧（Kairan）の緊急・重要なお知らせを受け取るメールアドレスとして登録されました。",
              "ご本人の場合は、次のリンクを開いて確認してください（24時間有効）。",
              "",
              "かいらん の だいじな おしらせ を この メール で うけとる ために、 つぎの リンク を ひらいて ください。",
              "",
              "Someone asked Kairan to send urgent city notices to this address. If it was you, open"
                  + " this link to confirm it:",
              "",
              link,
              "",
              "心当たりがない場合は、このメールを無視してください。 / If it was not you, ignore this mail."),
          StandardCharsets.UTF_8.name());
      sender.send(message);
    } catch (MessagingException | MailException | UnsupportedEncodingException e) {
      throw new MailNotSentException(e);
    }
  }

  static final class MailNotSentException extends RuntimeException {
    MailNotSentException(Exception cause) {
      super(cause);
    }
  }
}
