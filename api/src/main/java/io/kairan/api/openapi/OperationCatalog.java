package io.kairan.api.openapi;

import io.kairan.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every {@code openapi/operations/<operationId>.json} on the classpath, by the call it describes
 * ({@code "POST /api/v1/notices"}). The file's name is the operation's id, so ids are chosen once
 * and stay put when a controller's method is renamed.
 */
record OperationCatalog(Map<String, Entry> byCall) {
  static final String PATTERN = "classpath*:openapi/operations/*.json";

  record Entry(String operationId, DocumentedOperation operation) {}

  static OperationCatalog load() {
    Map<String, Entry> byCall = new TreeMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
        String name = file.getFilename();
        String id = name.substring(0, name.length() - ".json".length());
        try (InputStream in = file.getInputStream()) {
          DocumentedOperation operation = Json.mapper().readValue(in, DocumentedOperation.class);
          Entry earlier = byCall.put(operation.operation(), new Entry(id, operation));
          if (earlier != null) {
            throw new IllegalStateException(
                operation.operation()
                    + " is described twice: "
                    + earlier.operationId()
                    + ", "
                    + id);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PATTERN, e);
    }
    return new OperationCatalog(byCall);
  }

  Optional<Entry> of(String call) {
    return Optional.ofNullable(byCall.get(call));
  }
}
