package io.kairan.api.ledger;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The current version of each notice the write path may still change, and the recent posts by
 * Idempotency-Key. Fed by {@link NoticesFollower} from notices.v1 and by the API's own writes once
 * Kafka acknowledged them (so a PUT right after a POST finds the notice); both paths go through
 * {@link #apply}, which keeps the highest version and never leaves a withdrawal, so the order in
 * which they arrive does not matter.
 *
 * <p>Memory is bounded by what is live: a notice is forgotten {@code forgetAfter} after its
 * validity ended, a key {@code keyRetention} after its post. A forgotten notice's id stays
 * unusable: ids are random UUIDs minted by the API, never derived from a key, so no later post can
 * get it.
 */
@Component
public class NoticeLedger {
  private final ConcurrentHashMap<String, NoticeVersions> notices = new ConcurrentHashMap<>();
  // Each publisher's notice ids, so listing one's own notices never scans everyone's.
  private final ConcurrentHashMap<String, Set<String>> byPublisher = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PostKey, FirstPost> posts = new ConcurrentHashMap<>();
  private final CaughtUp caughtUp = new CaughtUp();
  private final LedgerSettings settings;
  private final Clock clock;

  public NoticeLedger(LedgerSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The notice's current version, unless it is unknown or forgotten. */
  public Optional<Notice> current(String id) {
    return versions(id).map(NoticeVersions::current);
  }

  /** Every version of the notice the ledger holds, unless it is unknown or forgotten. */
  public Optional<NoticeVersions> versions(String id) {
    return Optional.ofNullable(notices.get(id));
  }

  /** The versions of every notice of the publisher the ledger holds, in no particular order. */
  public List<NoticeVersions> ofPublisher(String publisherId) {
    List<NoticeVersions> found = new ArrayList<>();
    for (String id : byPublisher.getOrDefault(publisherId, Set.of())) {
      NoticeVersions versions = notices.get(id);
      if (versions != null) {
        found.add(versions);
      }
    }
    return found;
  }

  /** The versions of every notice the ledger holds, in no particular order. */
  public List<NoticeVersions> all() {
    return new ArrayList<>(notices.values());
  }

  /** The first post with this key, while the key is honoured. */
  public Optional<FirstPost> firstPost(PostKey key) {
    FirstPost post = posts.get(key);
    if (post == null || keyExpired(post, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(post);
  }

  /**
   * A version of a notice: current when it is newer than the one held and that one is not
   * withdrawn; an earlier one joins the history.
   */
  public void apply(Notice notice) {
    Instant now = clock.instant();
    NoticeVersions kept =
        notices.compute(
            notice.id(),
            (id, held) -> {
              if (held == null) {
                return forgettable(notice, now) ? null : NoticeVersions.first(notice);
              }
              return held.with(notice);
            });
    if (kept != null && notice.publisher() != null) {
      byPublisher
          .computeIfAbsent(notice.publisher().id(), p -> ConcurrentHashMap.newKeySet())
          .add(notice.id());
    }
  }

  /** A post made with an Idempotency-Key; the first one for a key stays. */
  public void recordPost(FirstPost post) {
    if (!keyExpired(post, clock.instant())) {
      posts.putIfAbsent(post.key(), post);
    }
  }

  /** Drops the notices long past their validity and the keys past their retention. */
  public void forgetOld() {
    Instant now = clock.instant();
    notices.values().removeIf(n -> forgettable(n.current(), now));
    // A publisher's (empty) set stays: removing it could race a post adding to it.
    byPublisher.values().forEach(ids -> ids.removeIf(id -> !notices.containsKey(id)));
    posts.values().removeIf(p -> keyExpired(p, now));
  }

  public int notices() {
    return notices.size();
  }

  public int keys() {
    return posts.size();
  }

  /** Called once notices.v1 has been read up to where it ended when the API started. */
  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }

  /** Waits for the replay; false when it is still running after {@code wait}. */
  public boolean awaitCaughtUp(Duration wait) {
    return caughtUp.await(wait);
  }

  private boolean forgettable(Notice notice, Instant now) {
    Instant end =
        notice.validity() != null && notice.validity().until() != null
            ? notice.validity().until()
            : notice.publishedAt();
    return end != null && end.plus(settings.forgetAfter()).isBefore(now);
  }

  private boolean keyExpired(FirstPost post, Instant now) {
    Instant at = post.notice().publishedAt();
    return at != null && at.plus(settings.keyRetention()).isBefore(now);
  }
}
