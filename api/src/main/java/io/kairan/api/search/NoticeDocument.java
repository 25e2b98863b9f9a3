package io.kairan.api.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;

/**
 * A notice as the notices index holds it: the notice as the codec writes it, plus its {@link
 * SearchFields}. Readers of the index read it back as a {@link Notice} (the codec ignores the extra
 * field).
 */
public final class NoticeDocument {
  private NoticeDocument() {}

  public static ObjectNode of(Notice notice, SearchAnalysis analysis) {
    ObjectNode document = Json.mapper().valueToTree(notice);
    document.set(SearchFields.FIELD, Json.mapper().valueToTree(SearchFields.of(notice, analysis)));
    return document;
  }
}
