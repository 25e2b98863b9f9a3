package io.kairan.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the document says of one call beyond what springdoc reads from its controller: one file
 * {@code openapi/operations/<operationId>.json} per call.
 *
 * @param operation the method and path as the controller maps it, e.g. {@code POST /api/v1/notices}
 * @param tag the group the call is listed under (who calls it)
 * @param request an example request body, or null for a call without one
 * @param success the usual answer
 * @param alternatives other successful answers (a firm's post is 202, not 201)
 * @param problems the problem statuses this call answers besides those every call of its shape
 *     answers (see {@link ProblemResponses})
 */
record DocumentedOperation(
    String operation,
    String tag,
    String summary,
    String description,
    JsonNode request,
    Reply success,
    List<Reply> alternatives,
    List<Integer> problems) {

  DocumentedOperation {
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /**
   * One successful answer.
   *
   * @param schema the component schema of its body when springdoc cannot tell (a controller that
   *     answers two types), else null
   * @param example its body, or null when it has none (204)
   * @param headers response headers worth naming (ETag, Location), name to description
   */
  record Reply(
      int status,
      String description,
      String schema,
      JsonNode example,
      Map<String, String> headers) {
    Reply {
      headers = headers == null ? Map.of() : new TreeMap<>(headers);
    }
  }
}
