package io.kairan.deploy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Prints each mail the local stack's SMTP server receives (recipient, subject and its links), so a
 * newcomer can follow a verification link or see a fallback e-mail without a mail client.
 */
final class MailPrinter {
  private MailPrinter() {}

  static void start(GreenMail mail) {
    Thread printer =
        new Thread(
            () -> {
              int printed = 0;
              while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] received = mail.getReceivedMessages();
                for (; printed < received.length; printed++) {
                  print(received[printed]);
                }
                try {
                  Thread.sleep(1_000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "kairan-mail-printer");
    printer.setDaemon(true);
    printer.start();
  }

  private static void print(MimeMessage message) {
    try {
      String links =
          Arrays.stream(String.valueOf(message.getContent()).split("\\s+"))
              .filter(w -> w.startsWith("http://") || w.startsWith("https://"))
              .collect(Collectors.joining(" "));
      System.out.printf(
          "[kairan] mail to %s: %s%s%n",
          Arrays.toString(message.getAllRecipients()),
          message.getSubject(),
          links.isEmpty() ? "" : "\n          " + links);
    } catch (MessagingException | IOException e) {
      System.out.println("[kairan] a mail arrived that cannot be read: " + e);
    }
  }
}
