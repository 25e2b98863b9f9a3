package io.kairan.ingest.publish;

import io.kairan.ingest.source.Item;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides versions against the notices already on notices.v1: a new id is version 1, changed
 * content is the next version, the same content is nothing, a withdrawal is the next version with
 * status WITHDRAWN. Re-reading a source therefore never duplicates.
 *
 * <p>Withdrawn is final downstream (the job never delivers a later version of a withdrawn notice),
 * so a source that announces again what it withdrew — a warning lifted and issued again, an alert
 * updated after its cancellation — gets a new notice, the next generation of the source's id:
 * {@code jma-0720200-03}, then {@code jma-0720200-03~2}, {@code ~3}… Only an announcement newer
 * than the withdrawn one does (its validity starts later): re-reading the reports that came before
 * the withdrawal, or a report that the warning continues, changes nothing.
 */
public final class Versions {
  private static final Pattern GENERATION = Pattern.compile("(.+)~(\\d+)");

  private final Map<String, Notice> known;
  private final Map<String, Integer> generations = new HashMap<>();

  /**
   * @param known the latest version of each notice id, updated as changes are decided
   */
  public Versions(Map<String, Notice> known) {
    this.known = known;
    known.keySet().forEach(this::noteGeneration);
  }

  public List<Change> decide(Item item, Instant now) {
    List<Change> changes = new ArrayList<>();
    if (item instanceof Item.Publish p) {
      changes.add(publish(p.notice(), now));
    } else if (item instanceof Item.Ensure e) {
      Notice current = known.get(liveId(e.notice().id()));
      changes.add(current == null ? publish(e.notice(), now) : new Change.Unchanged(current.id()));
    } else if (item instanceof Item.Withdraw w) {
      changes.add(withdraw(liveId(w.noticeId()), now));
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

  private Change publish(Notice fromSource, Instant now) {
    String id = liveId(fromSource.id());
    Notice candidate = fromSource.withId(id);
    Notice current = known.get(id);
    if (current == null) {
      return first(candidate, now);
    }
    if (current.isWithdrawn()) {
      if (!candidate.validity().from().isAfter(current.validity().from())) {
        return new Change.Unchanged(id);
      }
      int next = generations.getOrDefault(fromSource.id(), 1) + 1;
      generations.put(fromSource.id(), next);
      return first(fromSource.withId(fromSource.id() + "~" + next), now);
    }
    if (sameContent(current, candidate)) {
      return new Change.Unchanged(current.id());
    }
    Notice next = candidate.withVersion(current.version() + 1, NoticeStatus.UPDATED, now);
    known.put(next.id(), next);
    return new Change.Updated(next);
  }

  private Change first(Notice candidate, Instant now) {
    Notice first = candidate.withVersion(1, NoticeStatus.PUBLISHED, now);
    known.put(first.id(), first);
    return new Change.Published(first);
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

  /** The id the source's id lives under now: its latest generation. */
  private String liveId(String sourceId) {
    Integer generation = generations.get(sourceId);
    return generation == null ? sourceId : sourceId + "~" + generation;
  }

  private void noteGeneration(String id) {
    Matcher m = GENERATION.matcher(id);
    if (m.matches()) {
      generations.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
    }
  }

  static boolean sameContent(Notice a, Notice b) {
    Instant epoch = Instant.EPOCH;
    return a.withVersion(1, NoticeStatus.PUBLISHED, epoch)
        .equals(b.withVersion(1, NoticeStatus.PUBLISHED, epoch));
  }
}
