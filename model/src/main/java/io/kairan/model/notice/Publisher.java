package io.kairan.model.notice;

import io.kairan.model.Problems;
import java.util.List;

/** The department, firm or feed that published a notice. */
public record Publisher(String id, String name, PublisherKind kind) {
  public List<String> problems() {
    return new Problems()
        .notBlank(id, "id")
        .maxLength(id, 100, "id")
        .notBlank(name, "name")
        .maxLength(name, 200, "name")
        .notNull(kind, "kind")
        .list();
  }
}
