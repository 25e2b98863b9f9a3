package io.kairan.push.email;

import io.kairan.model.delivery.PushOutcome;
import io.kairan.push.send.FcmSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands fallback e-mails to the city's SMTP server (spring.mail.host; without one, the fallback is
 * off). The outcome is the server's: EMAILED once it accepted the message (its Message-ID kept, as
 * an FCM message id is), EMAIL_FAILED with the reason when it refused or could not be reached.
 */
@Component
public class MailOut {
  private static final Logger log = LoggerFactory.getLogger(MailOut.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  MailOut(
      ObjectProvider<JavaMailSender> mail,
      @Value("${kairan.push.email.from:kairan@localhost}") String from) {
    this.mail = mail;
    this.from = from;
  }

  /** Mail out through this sender (the local stack, tests). */
  public static MailOut through(JavaMailSender sender, String from) {
    var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
    beans.addBean("mail", sender);
    return new MailOut(beans.getBeanProvider(JavaMailSender.class), from);
  }

  public boolean isOn() {
    return mail.getIfAvailable() != null;
  }

  public FcmSender.Outcome send(FallbackMail letter) {
    JavaMailSender sender = mail.getObject();
    try {
      MimeMessage message = sender.createMimeMessage();
      message.setFrom(new InternetAddress(from, "Kairan 回覧", StandardCharsets.UTF_8.name()));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(letter.to(), true));
      message.setSubject(letter.subject(), StandardCharsets.UTF_8.name());
      message.setText(letter.text(), StandardCharsets.UTF_8.name());
      message.saveChanges(); // assigns the Message-ID
      sender.send(message);
      return new FcmSender.Outcome(PushOutcome.EMAILED, message.getMessageID(), null, 1);
    } catch (MessagingException | MailException | UnsupportedEncodingException e) {
      log.error("fallback e-mail not sent: {}", e.getMessage());
      return new FcmSender.Outcome(
          PushOutcome.EMAIL_FAILED, null, String.valueOf(e.getMessage()), 1);
    }
  }
}
