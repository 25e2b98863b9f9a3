package io.kairan.api.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;

/**
 * The problem documents (RFC 9457) the API answers, by status, as the API writes them: from {@code
 * openapi/problems.json}, one or more named examples per status.
 */
record ProblemExamples(Map<Integer, List<Named>> byStatus) {
  static final String RESOURCE = "openapi/problems.json";

  /**
   * @param name unique across all statuses; the example's key under components/examples
   */
  record Named(String name, String summary, JsonNode value) {}

  static ProblemExamples load() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      Map<Integer, List<Named>> read =
          Json.mapper().readValue(in, new TypeReference<Map<Integer, List<Named>>>() {});
      return new ProblemExamples(new TreeMap<>(read));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  List<Named> of(int status) {
    List<Named> named = byStatus.get(status);
    if (named == null) {
      throw new IllegalStateException(
          "No problem example for status " + status + " in " + RESOURCE + ": add one.");
    }
    return named;
  }
}
