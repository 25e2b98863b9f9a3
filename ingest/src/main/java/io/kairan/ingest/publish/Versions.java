package io.kairan.ingest.publish;

import io.kairan.ingest.source.Item;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides versions against the notices already on notices.v1: a new id is version 1, changed
 * content is the next version, the same content is nothing, a withdrawal is the next version with
 * status WITHDRAWN. Re-reading a source therefore never duplicates.
 */
public final class Versions {
  private final Map<String, Notice> known;

  /**
   * @param known the latest version of each notice id, updated as changes are decided
   */
  public Versions(Map<String, Notice> known) {
    this.known = known;
  }

  public List<Change> decide(Item item, Instant now) {
    List<Change> changes = new ArrayList<>();
    if (item instanceof Item.Publish p) {
      changes.add(publish(p.notice(), now));
    } else if (item instanceof Item.Ensure e) {
      Notice current = known.get(e.notice().id());
      changes.add(
          current == null || current.isWithdrawn()
              ? publish(e.notice(), now)
              : new Change.Unchanged(current.id()));
    } else if (item instanceof Item.Withdraw w) {
      changes.add(withdraw(w.noticeId(), now));
    } else if (item instanceof Item.WithdrawAll all) {
      known.keySet().stream()
          .filter(id -> id.startsWith(all.idPrefix()))
          .sorted()
          .toList()
          .forEach(
              id -> {
                Change change = withdraw(id, now);
                if (!(change instanceof Change.Unchanged)) {
                  changes.add(change);
                }
              });
    }
    return changes;
  }

  private Change publish(Notice candidate, Instant now) {
    Notice current = known.get(candidate.id());
    if (current == null) {
      Notice first = candidate.withVersion(1, NoticeStatus.PUBLISHED, now);
      known.put(first.id(), first);
      return new Change.Published(first);
    }
    if (!current.isWithdrawn() && sameContent(current, candidate)) {
      return new Change.Unchanged(current.id());
    }
    Notice next = candidate.withVersion(current.version() + 1, NoticeStatus.UPDATED, now);
    known.put(next.id(), next);
    return new Change.Updated(next);
  }

  private Change withdraw(String id, Instant now) {
    Notice current = known.get(id);
    if (current == null || current.isWithdrawn()) {
      return new Change.Unchanged(id);
    }
    Notice withdrawn = current.withVersion(current.version() + 1, NoticeStatus.WITHDRAWN, now);
    known.put(id, withdrawn);
    return new Change.Withdrawn(withdrawn);
  }

  static boolean sameContent(Notice a, Notice b) {
    Instant epoch = Instant.EPOCH;
    return a.withVersion(1, NoticeStatus.PUBLISHED, epoch)
        .equals(b.withVersion(1, NoticeStatus.PUBLISHED, epoch));
  }
}
