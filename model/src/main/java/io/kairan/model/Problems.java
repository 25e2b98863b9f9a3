package io.kairan.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Collects validation problems as "field: what is wrong", so a caller sees all of them at once. */
public final class Problems {
  private final List<String> found = new ArrayList<>();

  public Problems require(boolean ok, String field, String message) {
    if (!ok) {
      found.add(field + ": " + message);
    }
    return this;
  }

  public Problems notBlank(String value, String field) {
    return require(value != null && !value.isBlank(), field, "must not be blank");
  }

  public Problems notNull(Object value, String field) {
    return require(value != null, field, "is required");
  }

  public Problems maxLength(String value, int max, String field) {
    return require(
        value == null || value.length() <= max, field, "must be at most " + max + " characters");
  }

  public Problems maxSize(Collection<?> values, int max, String field) {
    return require(
        values == null || values.size() <= max, field, "must have at most " + max + " entries");
  }

  public Problems maxSize(Map<?, ?> values, int max, String field) {
    return require(
        values == null || values.size() <= max, field, "must have at most " + max + " entries");
  }

  public Problems add(String field, String message) {
    found.add(field + ": " + message);
    return this;
  }

  public Problems addAll(String prefix, List<String> nested) {
    nested.forEach(p -> found.add(prefix + "." + p));
    return this;
  }

  /** Problems that already name their full path. */
  public Problems merge(List<String> nested) {
    found.addAll(nested);
    return this;
  }

  public List<String> list() {
    return List.copyOf(found);
  }

  /** Throws when anything was found; returns normally otherwise. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidRecordException(found);
    }
  }
}
