package io.kairan.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes what springdoc read from the controllers, for every operation at once: its id, tag and
 * summary, its success status (201, 202, 204 where the controller answers so) and examples from
 * {@link OperationCatalog}, and a problem response with examples for each status it can answer
 * ({@link ProblemExamples}). An operation the catalog does not describe is left as springdoc made
 * it, without examples, and {@code ApiDocumentTest} names it.
 */
class ApiDocumentCustomizer implements OpenApiCustomizer {
  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "Problem";
  static final String BEARER = "bearer";

  /** Every call is behind a token and the rate limits; a role may not fit. */
  static final Set<Integer> EVERY_CALL = Set.of(401, 403, 429);

  /** A body can be malformed or invalid, too large, or not JSON in UTF-8. */
  static final Set<Integer> WITH_BODY = Set.of(400, 413, 415);

  private final OperationCatalog catalog;
  private final ProblemExamples problems;
  private final Polymorphism polymorphism;

  ApiDocumentCustomizer(
      OperationCatalog catalog, ProblemExamples problems, Polymorphism polymorphism) {
    this.catalog = catalog;
    this.problems = problems;
    this.polymorphism = polymorphism;
  }

  @Override
  public void customise(OpenAPI api) {
    api.getComponents().addSchemas(PROBLEM_SCHEMA, ProblemSchema.schema());
    problems
        .byStatus()
        .values()
        .forEach(
            named ->
                named.forEach(
                    p ->
                        api.getComponents()
                            .addExamples(
                                p.name(), new Example().summary(p.summary()).value(p.value()))));
    polymorphism.apply(api);
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> complete(method, path, operation)));
  }

  private void complete(PathItem.HttpMethod method, String path, Operation operation) {
    var entry = catalog.of(method + " " + path);
    entry.ifPresent(e -> describe(operation, e));
    Set<Integer> statuses = problemStatuses(operation);
    entry.ifPresent(e -> statuses.addAll(e.operation().problems()));
    for (int status : statuses) {
      operation.getResponses().addApiResponse(Integer.toString(status), problemResponse(status));
    }
  }

  private void describe(Operation operation, OperationCatalog.Entry entry) {
    DocumentedOperation doc = entry.operation();
    operation
        .operationId(entry.operationId())
        .tags(List.of(doc.tag()))
        .summary(doc.summary())
        .description(doc.description());
    if (doc.request() != null && operation.getRequestBody() != null) {
      operation.getRequestBody().getContent().values().forEach(m -> m.setExample(doc.request()));
    }
    ApiResponses responses = operation.getResponses();
    Schema<?> inferred = inferredSuccessSchema(responses);
    responses.keySet().removeIf(code -> code.startsWith("2"));
    responses.addApiResponse(
        Integer.toString(doc.success().status()), success(doc.success(), inferred));
    for (DocumentedOperation.Reply other : doc.alternatives()) {
      responses.addApiResponse(Integer.toString(other.status()), success(other, inferred));
    }
  }

  /** What springdoc found in the method's return type, for the replies that name no schema. */
  private static Schema<?> inferredSuccessSchema(ApiResponses responses) {
    return responses.entrySet().stream()
        .filter(e -> e.getKey().startsWith("2"))
        .map(Map.Entry::getValue)
        .filter(r -> r.getContent() != null && !r.getContent().isEmpty())
        .map(r -> r.getContent().values().iterator().next().getSchema())
        .findFirst()
        .orElse(null);
  }

  private static ApiResponse success(DocumentedOperation.Reply reply, Schema<?> inferred) {
    ApiResponse response = new ApiResponse().description(reply.description());
    reply.headers().forEach((name, says) -> response.addHeaderObject(name, header(says)));
    if (reply.example() == null) {
      return response; // no body (204, or 202 with nothing to say)
    }
    Schema<?> schema =
        reply.schema() != null
            ? new Schema<>().$ref("#/components/schemas/" + reply.schema())
            : inferred;
    return response.content(
        new Content().addMediaType(JSON, new MediaType().schema(schema).example(reply.example())));
  }

  /**
   * The problems any operation of this shape can answer: those of every call, those of a body, 404
   * where a path names something, 400 where a query parameter or header can be wrong. Its catalog
   * entry adds its own (409, 412, 422, 428, 503…).
   */
  private static Set<Integer> problemStatuses(Operation operation) {
    Set<Integer> statuses = new TreeSet<>(EVERY_CALL);
    if (operation.getRequestBody() != null) {
      statuses.addAll(WITH_BODY);
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    for (Parameter p : parameters) {
      statuses.add("path".equals(p.getIn()) ? 404 : 400);
    }
    return statuses;
  }

  private ApiResponse problemResponse(int status) {
    List<ProblemExamples.Named> named = problems.of(status);
    MediaType media =
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
    named.forEach(
        p -> media.addExamples(p.name(), new Example().$ref("#/components/examples/" + p.name())));
    ApiResponse response =
        new ApiResponse()
            .description(
                String.join("; ", named.stream().map(ProblemExamples.Named::summary).toList()))
            .content(new Content().addMediaType(PROBLEM_JSON, media));
    if (status == 429 || status == 503) {
      response.addHeaderObject("Retry-After", header("Seconds to wait before asking again."));
    }
    return response;
  }

  private static Header header(String description) {
    return new Header().description(description).schema(new Schema<>().types(Set.of("string")));
  }
}
