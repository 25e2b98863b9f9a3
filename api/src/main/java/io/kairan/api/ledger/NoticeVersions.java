package io.kairan.api.ledger;

import io.kairan.model.notice.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The versions of one notice the ledger holds, oldest first, and the current one: the highest
 * version, except that nothing comes after a withdrawal. An earlier version arriving late (a replay
 * racing the API's own write) joins the history without becoming current.
 */
public record NoticeVersions(List<Notice> versions) {
  public NoticeVersions {
    versions = List.copyOf(versions);
  }

  static NoticeVersions first(Notice notice) {
    return new NoticeVersions(List.of(notice));
  }

  public Notice current() {
    return versions.get(versions.size() - 1);
  }

  /** When the notice was first published: its earliest version held (the epoch if it says none). */
  public Instant firstPublishedAt() {
    Instant at = versions.get(0).publishedAt();
    return at == null ? Instant.EPOCH : at;
  }

  /** With this version added, or this same object when it adds nothing. */
  NoticeVersions with(Notice version) {
    boolean known = versions.stream().anyMatch(v -> v.version() == version.version());
    boolean afterWithdrawal = current().isWithdrawn() && version.version() > current().version();
    if (known || afterWithdrawal) {
      return this;
    }
    List<Notice> all = new ArrayList<>(versions);
    all.add(version);
    all.sort(Comparator.comparingInt(Notice::version));
    return new NoticeVersions(all);
  }
}
