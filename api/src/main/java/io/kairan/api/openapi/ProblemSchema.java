package io.kairan.api.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/** An RFC 9457 problem document as the API writes it, with Kairan's extra fields. */
final class ProblemSchema {
  private ProblemSchema() {}

  static Schema<?> schema() {
    return new Schema<>()
        .types(Set.of("object"))
        .description("RFC 9457 problem details (application/problem+json).")
        .addProperty(
            "type",
            string("A URI naming the kind of problem; about:blank when the status says it all.")
                .format("uri"))
        .addProperty("title", string("A short summary of the kind of problem."))
        .addProperty("status", integer().description("The HTTP status."))
        .addProperty("detail", string("What went wrong this time, and what to do about it."))
        .addProperty("instance", string("The path of the request.").format("uri-reference"))
        .addProperty(
            "errors",
            new Schema<>()
                .types(Set.of("array"))
                .items(string("field: reason"))
                .description("Each invalid field, as 'field: reason'."))
        .addProperty(
            "line", integer().description("Where an unreadable body stopped being readable."))
        .addProperty("column", integer().description("The column on that line, in characters."))
        .addProperty(
            "withdrawnAt",
            string("When a notice that is gone (410) was withdrawn.").format("date-time"))
        .required(List.of("type", "title", "status"));
  }

  private static Schema<?> string(String description) {
    return new Schema<>().types(Set.of("string")).description(description);
  }

  private static Schema<?> integer() {
    return new Schema<>().types(Set.of("integer"));
  }
}
