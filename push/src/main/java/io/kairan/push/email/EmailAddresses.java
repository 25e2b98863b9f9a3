package io.kairan.push.email;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.EmailAddress;
import io.kairan.push.state.FollowedTopic;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The verified e-mail address of each resident who gave one, from residents.emails.v1: read before
 * the sender starts, then followed. An address still waiting for its link is never mailed.
 */
@Component
public class EmailAddresses extends FollowedTopic {
  private final ConcurrentHashMap<String, String> verified = new ConcurrentHashMap<>();

  EmailAddresses(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.EMAILS);
  }

  /** Addresses not fed from Kafka (tests of the parts that use them). */
  public static EmailAddresses standalone() {
    return new EmailAddresses(null);
  }

  @KafkaListener(
      id = "email-addresses",
      topics = Topics.EMAILS,
      groupId = "kairan-push-emails-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    applyCompacted(record, verified::remove, this::read);
  }

  private void read(String residentId, String value) {
    try {
      put(Json.read(value, EmailAddress.class));
    } catch (InvalidRecordException e) {
      verified.remove(residentId); // unreadable: mail nothing rather than an old address
    }
  }

  /** Keeps a record's address if it is whole and verified; forgets the resident's otherwise. */
  public void put(EmailAddress email) {
    if (email.problems().isEmpty() && email.isVerified()) {
      verified.put(email.residentId(), email.address());
    } else if (email.residentId() != null) {
      verified.remove(email.residentId());
    }
  }

  public Optional<String> verifiedAddressOf(String residentId) {
    return Optional.ofNullable(verified.get(residentId));
  }

  public int size() {
    return verified.size();
  }
}
