package io.kairan.ingest.source;

import io.kairan.model.notice.Notice;
import io.kairan.model.text.SafeText;

/**
 * Every notice ingest makes has plain-text titles and bodies in the model's safe subset, whatever a
 * feed put there (entities decoded by a connector may spell a tag again), before it is validated.
 */
final class SafeNotices {
  private SafeNotices() {}

  static Notice of(Notice n) {
    return new Notice(
        n.id(),
        n.version(),
        n.publisher(),
        n.municipalityCode(),
        n.category(),
        SafeText.plainTitles(n.title()),
        SafeText.bodies(n.body()),
        n.url(),
        n.location(),
        n.validity(),
        n.severity(),
        n.status(),
        n.audience(),
        n.publishedAt());
  }
}
