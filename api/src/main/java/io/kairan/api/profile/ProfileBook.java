package io.kairan.api.profile;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.resident.ResidentProfile;
import org.springframework.stereotype.Component;

/**
 * Each resident's latest valid profile, kept from profiles.v1 (and the API's own writes at once),
 * so a resident can read back what they opted in with.
 */
@Component
public class ProfileBook extends TopicBook<ResidentProfile> {
  public ProfileBook() {
    super(ResidentProfile.class);
  }

  @Override
  protected String idOf(ResidentProfile entry) {
    return entry.id();
  }

  @Override
  protected boolean isWhole(ResidentProfile entry) {
    return entry.problems().isEmpty();
  }
}
