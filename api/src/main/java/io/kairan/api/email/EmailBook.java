package io.kairan.api.email;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.Topics;
import io.kairan.model.resident.EmailAddress;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Each resident's e-mail address, verified or waiting for its link, from residents.emails.v1. */
@Component
public class EmailBook extends TopicBook<EmailAddress> {
  public static final String TOPIC = Topics.EMAILS;

  public EmailBook() {
    super(EmailAddress.class);
  }

  @Override
  protected String idOf(EmailAddress entry) {
    return entry.residentId();
  }

  @Override
  protected boolean isWhole(EmailAddress entry) {
    return entry.problems().isEmpty();
  }

  /** The address waiting for the link whose secret has this digest. */
  Optional<EmailAddress> awaiting(String digest) {
    return all().filter(e -> digest.equals(e.verificationDigest())).findFirst();
  }
}
