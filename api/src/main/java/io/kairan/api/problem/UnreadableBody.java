package io.kairan.api.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a request body stopped being readable, from the JSON parser's own exception (the model's
 * Jackson 2 codec, which reads every body), so a caller can find the mistake without guessing.
 *
 * @param line 1-based line, or -1 when the parser did not say
 * @param column 1-based column in characters, or -1
 * @param field the path to the field being read ("quietHours.start", "languages[2]"), or empty
 * @param reason the parser's message without its location suffix
 */
record UnreadableBody(int line, int column, String field, String reason) {

  /**
   * @param body the bytes the parser read, when kept: the parser counts columns in bytes, which
   *     points past the mistake on a line with Japanese text; with the body it is turned into
   *     characters
   */
  static Optional<UnreadableBody> of(Throwable e, byte[] body) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException jackson) {
        JsonLocation at = jackson.getLocation();
        boolean known = at != null && at.getLineNr() > 0;
        return Optional.of(
            new UnreadableBody(
                known ? at.getLineNr() : -1,
                known ? characterColumn(body, at.getLineNr(), at.getColumnNr()) : -1,
                path(jackson),
                reason(jackson)));
      }
    }
    return Optional.empty();
  }

  String detail() {
    String where = line > 0 ? " at line " + line + ", column " + column : "";
    return "The body is not valid JSON for this call" + where + ": " + reason;
  }

  static int characterColumn(byte[] body, int line, int byteColumn) {
    if (body == null) {
      return byteColumn;
    }
    int start = 0;
    for (int l = 1; l < line; l++) {
      int newline = indexOf(body, (byte) '\n', start);
      if (newline < 0) {
        return byteColumn;
      }
      start = newline + 1;
    }
    int length = Math.min(byteColumn - 1, body.length - start);
    // A cut in the middle of a character decodes to one replacement character: still one column.
    String before = new String(body, start, Math.max(length, 0), StandardCharsets.UTF_8);
    return before.codePointCount(0, before.length()) + 1;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The parser's words, except for an unknown field, where they would name a Java class. */
  private static String reason(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "no such field; the fields are "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    return e.getOriginalMessage();
  }

  private static String path(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return ""; // a syntax error or a limit: no field is being read yet
    }
    return mapping.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
