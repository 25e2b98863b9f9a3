package io.kairan.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kairan.model.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes Kairan records as JSON: ISO-8601 times, unknown fields ignored for evolution.
 */
public final class Json {
  /** No record on Kairan's topics is anywhere near this; a larger one is hostile or broken. */
  public static final int MAX_DOCUMENT_CHARS = 1_000_000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Newer producers may add fields; old consumers must still read the record.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(MAX_DOCUMENT_CHARS)
                .build());
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static byte[] writeBytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a record; malformed or oversized input becomes an InvalidRecordException with the reason.
   */
  public static <T> T read(String json, Class<T> type) {
    if (json == null) {
      throw new InvalidRecordException(List.of("body: is empty"));
    }
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw new InvalidRecordException(
          List.of("body: is larger than " + MAX_DOCUMENT_CHARS + " characters"));
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(
          "body: not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    return read(json == null ? null : new String(json, StandardCharsets.UTF_8), type);
  }
}
