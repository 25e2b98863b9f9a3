package io.kairan.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairan.api.WholeApiTest;
import io.kairan.api.web.JsonBodies;
import io.kairan.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The document the API serves at /v3/api-docs (with the API's own settings file): every operation
 * carries its examples, the examples fit the document and the API's codec, and the document is the
 * one committed as api/openapi.json, from which deploy generates a client. A new endpoint fails
 * here until it has its file under openapi/operations.
 */
@WholeApiTest
class ApiDocumentTest {
  static final String SECRET = WholeApiTest.SECRET;

  /** Set to rewrite api/openapi.json from the served document instead of comparing. */
  static final String WRITE = "kairan.openapi.write";

  static final Path COMMITTED = Path.of(System.getProperty("basedir", "."), "openapi.json");

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private String served() throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private JsonNode document() throws Exception {
    return Json.mapper().readTree(served());
  }

  /** Each operation of the document as "METHOD path", with its node. */
  private static void forEachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op ->
                            action.accept(
                                op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
  }

  @Test
  void theServedDocumentIsTheCommittedOne() throws Exception {
    String served = served();
    if (Boolean.getBoolean(WRITE)) {
      Files.writeString(COMMITTED, Json.mapper().readTree(served).toPrettyString() + "\n");
    }
    assertThat(Files.exists(COMMITTED))
        .as(
            "%s is missing: run ./mvnw -pl api test -Dtest=ApiDocumentTest -D%s=true",
            COMMITTED, WRITE)
        .isTrue();
    List<String> differences = new ArrayList<>();
    differences(
        Json.mapper().readTree(Files.readString(COMMITTED)),
        Json.mapper().readTree(served),
        "$",
        differences);
    assertThat(differences)
        .as(
            "The API's document is not %s: if the change is meant, rewrite it with\n"
                + "  ./mvnw -B -o -pl api test -Dtest=ApiDocumentTest -D%s=true\n"
                + "and commit it (deploy generates its client from it). Where they differ",
            COMMITTED, WRITE)
        .isEmpty();
  }

  /** Where two documents differ, by JSON path; at most 20, so the message stays readable. */
  private static void differences(
      JsonNode committed, JsonNode served, String at, List<String> out) {
    if (out.size() >= 20 || committed.equals(served)) {
      return;
    }
    if (committed.isObject() && served.isObject()) {
      var names = new TreeSet<String>();
      committed.fieldNames().forEachRemaining(names::add);
      served.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!committed.has(name)) {
          out.add(at + "." + name + ": only in the served document");
        } else if (!served.has(name)) {
          out.add(at + "." + name + ": only in the committed document");
        } else {
          differences(committed.get(name), served.get(name), at + "." + name, out);
        }
      }
      return;
    }
    if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
      for (int i = 0; i < committed.size(); i++) {
        differences(committed.get(i), served.get(i), at + "[" + i + "]", out);
      }
      return;
    }
    out.add(at + ": committed " + abbreviated(committed) + ", served " + abbreviated(served));
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  @Test
  void theDocumentIsOpenApi31WithABearerJwtSchemeEveryCallNeeds() throws Exception {
    JsonNode document = document();

    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
    assertThat(scheme.path("type").asText()).isEqualTo("http");
    assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
    forEachOperation(
        document,
        (call, op) ->
            assertThat(op.has("security")).as("%s overrides the security", call).isFalse());
  }

  @Test
  void everyOperationHasAnIdAndExamplesForItsRequestItsSuccessAndEachProblem() throws Exception {
    List<String> missing = new ArrayList<>();
    forEachOperation(
        document(),
        (call, op) -> {
          if (!op.hasNonNull("operationId") || !op.hasNonNull("summary")) {
            missing.add(
                call + ": no file in api/src/main/resources/openapi/operations describes it");
          }
          for (JsonNode media : op.path("requestBody").path("content")) {
            if (!media.has("example")) {
              missing.add(call + ": no request example");
            }
          }
          boolean success = false;
          for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields();
              it.hasNext(); ) {
            var response = it.next();
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("2")) {
              success = true;
              for (JsonNode media : content) {
                if (!media.has("example")) {
                  missing.add(call + " " + code + ": no example");
                }
              }
            } else {
              JsonNode problem = content.path(ApiDocumentCustomizer.PROBLEM_JSON);
              if (problem.path("examples").isEmpty()) {
                missing.add(call + " " + code + ": no problem example");
              }
            }
          }
          if (!success) {
            missing.add(call + ": no success response");
          }
        });

    assertThat(missing).isEmpty();
  }

  @Test
  void everyCallAnswersTheProblemsOfItsShape() throws Exception {
    forEachOperation(
        document(),
        (call, op) -> {
          var codes = new TreeSet<String>();
          op.path("responses").fieldNames().forEachRemaining(codes::add);
          assertThat(codes).as(call).contains("401", "403", "429");
          if (op.has("requestBody")) {
            assertThat(codes).as(call).contains("400", "413", "415");
          }
          if (call.contains("{")) {
            assertThat(codes).as(call).contains("404");
          }
        });
  }

  @Test
  void everyFileUnderOperationsDescribesACallTheApiServes() throws Exception {
    var served = new TreeSet<String>();
    forEachOperation(document(), (call, op) -> served.add(call));

    assertThat(OperationCatalog.load().byCall().keySet()).isSubsetOf(served);
  }

  @Test
  void everyProblemExampleIsAProblemDocumentOfItsResponsesStatus() throws Exception {
    JsonNode document = document();
    JsonNode examples = document.path("components").path("examples");
    forEachOperation(
        document,
        (call, op) ->
            op.path("responses")
                .fields()
                .forEachRemaining(
                    response -> {
                      if (response.getKey().startsWith("2")) {
                        return;
                      }
                      JsonNode media =
                          response
                              .getValue()
                              .path("content")
                              .path(ApiDocumentCustomizer.PROBLEM_JSON);
                      assertThat(media.path("schema").path("$ref").asText())
                          .isEqualTo("#/components/schemas/Problem");
                      media
                          .path("examples")
                          .forEach(
                              ref -> {
                                String name =
                                    ref.path("$ref").asText().replace("#/components/examples/", "");
                                JsonNode value = examples.path(name).path("value");
                                assertThat(value.path("status").asInt())
                                    .as("%s %s %s", call, response.getKey(), name)
                                    .isEqualTo(Integer.parseInt(response.getKey()));
                                assertThat(value.path("title").asText()).as(name).isNotBlank();
                                assertThat(value.path("type").asText()).as(name).isNotBlank();
                              });
                    }));
  }

  @Test
  void everyExampleFitsItsSchemaInTheDocument() throws Exception {
    JsonNode document = document();
    ExampleConformance conformance = new ExampleConformance(document);
    List<String> misfits = new ArrayList<>();
    forEachOperation(
        document,
        (call, op) -> {
          for (JsonNode media : op.path("requestBody").path("content")) {
            conformance
                .check(media.path("example"), media.path("schema"))
                .forEach(p -> misfits.add(call + " request " + p));
          }
          op.path("responses")
              .fields()
              .forEachRemaining(
                  response -> {
                    for (JsonNode media : response.getValue().path("content")) {
                      if (media.has("example")) {
                        conformance
                            .check(media.path("example"), media.path("schema"))
                            .forEach(p -> misfits.add(call + " " + response.getKey() + " " + p));
                      }
                    }
                  });
        });
    document
        .path("components")
        .path("examples")
        .fields()
        .forEachRemaining(
            e ->
                conformance
                    .check(
                        e.getValue().path("value"),
                        Json.mapper()
                            .createObjectNode()
                            .put("$ref", "#/components/schemas/Problem"))
                    .forEach(p -> misfits.add("problem " + e.getKey() + " " + p)));

    assertThat(misfits).isEmpty();
  }

  /**
   * The request examples are read by the API's own codec into the controller's parameter, strictly
   * (an unknown field is refused), so an example a client copies is one the API takes.
   */
  @Test
  void everyRequestExampleIsReadByTheApisCodecIntoItsControllersBodyType() throws Exception {
    JsonNode document = document();
    ObjectMapper codec = JsonBodies.mapper();
    List<String> checked = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (MethodParameter parameter : handler.getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                  continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                  for (String path : info.getPatternValues()) {
                    JsonNode example =
                        document
                            .path("paths")
                            .path(path)
                            .path(method.name().toLowerCase())
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("example");
                    assertThat(example.isMissingNode()).as("%s %s", method, path).isFalse();
                    try {
                      codec.readValue(
                          codec.treeAsTokens(example),
                          codec.constructType(parameter.getGenericParameterType()));
                    } catch (java.io.IOException e) {
                      throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
                    }
                    checked.add(method + " " + path);
                  }
                }
              }
            });

    assertThat(checked).contains("POST /api/v1/notices", "PUT /api/v1/me/profile");
  }

  @Test
  void anAudienceIsOneTypeWhoseKindsHaveTheirNamesOnTheWire() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");

    JsonNode mapping = schemas.path("Audience").path("discriminator").path("mapping");
    assertThat(mapping.path("everyone").asText()).isEqualTo("#/components/schemas/Everyone");
    assertThat(mapping.path("childAge").asText())
        .isEqualTo("#/components/schemas/HasChildAgedBetween");
    assertThat(mapping.size())
        .isEqualTo(io.kairan.model.notice.Audience.class.getPermittedSubclasses().length);
    assertThat(
            schemas.path("NoticeDraft").path("properties").path("audience").path("$ref").asText())
        .isEqualTo("#/components/schemas/Audience");
  }

  @Test
  void theDocumentAndSwaggerUiAreReadWithoutATokenAndHoldNoSecret() throws Exception {
    assertThat(served()).doesNotContain(SECRET);
    mvc.perform(MockMvcRequestBuilders.get("/swagger-ui.html"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            header()
                .string(
                    "Location", org.hamcrest.Matchers.containsString("/swagger-ui/index.html")));
    mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")).andExpect(status().isOk());
    // What the page loads next: its script, and the configuration naming the document.
    mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/swagger-initializer.js"))
        .andExpect(status().isOk());
    mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs/swagger-config"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.url")
                .value("/v3/api-docs"));
  }

  @Test
  void theDocumentCannotBeChangedThroughItsPath() throws Exception {
    mvc.perform(MockMvcRequestBuilders.post("/v3/api-docs")).andExpect(status().isForbidden());
  }
}
