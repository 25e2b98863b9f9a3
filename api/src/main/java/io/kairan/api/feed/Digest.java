package io.kairan.api.feed;

import java.time.Instant;
import java.util.List;

/**
 * The resident's digests: the notices the recommender kept for a digest rather than a push of their
 * own, grouped by the time each digest is (or was) sent, the latest first.
 */
record Digest(List<Section> digests) {

  /**
   * One digest.
   *
   * @param at when it is sent (the deliveries' pushAt: the resident's digest time)
   * @param sent whether that time has come
   * @param items its notices in their current versions, the highest score first
   */
  record Section(Instant at, boolean sent, List<FeedItem> items) {}
}
