package io.kairan.api.consent;

import io.kairan.model.notice.Category;
import java.time.Instant;

/**
 * One yes or no a resident gave: for a category and a purpose, under a version of the privacy
 * policy, at a time. Never changed once written; a later one supersedes it.
 */
public record ConsentEvent(
    Category category, String purpose, String policyVersion, boolean granted, Instant at) {
  /** The one purpose consents are asked for today: notices in the feed and as pushes. */
  public static final String NOTICES = "notices";
}
