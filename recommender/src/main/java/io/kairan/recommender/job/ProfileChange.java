package io.kairan.recommender.job;

import io.kairan.model.resident.ResidentProfile;

/** A new or changed profile, or (profile null) the resident's deletion. */
public record ProfileChange(String residentId, ResidentProfile profile) {
  public boolean isDeletion() {
    return profile == null;
  }
}
