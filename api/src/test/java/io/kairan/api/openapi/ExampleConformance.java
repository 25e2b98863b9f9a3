package io.kairan.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an example fits a schema of the document, as a client generated from it would read it:
 * every field is one the schema names, enums hold their values, types match, and a polymorphic
 * value names a kind its discriminator maps. Written for the shapes this document has (objects,
 * arrays, maps, allOf, discriminators); whatever it does not know it lets pass.
 */
final class ExampleConformance {
  private final JsonNode schemas;

  ExampleConformance(JsonNode document) {
    this.schemas = document.path("components").path("schemas");
  }

  /** The mismatches, each with the path in the example where it is; empty when it fits. */
  List<String> check(JsonNode example, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    check(example, schema, "$", problems);
    return problems;
  }

  private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
    if (value == null || value.isNull() || schema == null || schema.isMissingNode()) {
      return;
    }
    if (schema.has("$ref")) {
      JsonNode target = resolve(schema.get("$ref").asText());
      JsonNode discriminator = target.path("discriminator");
      if (discriminator.has("propertyName") && value.isObject()) {
        String kind = value.path(discriminator.get("propertyName").asText()).asText(null);
        JsonNode mapped = discriminator.path("mapping").path(kind == null ? "" : kind);
        if (mapped.isMissingNode()) {
          problems.add(at + ": no kind '" + kind + "' in " + schema.get("$ref").asText());
          return;
        }
        if (!mapped.asText().equals(schema.get("$ref").asText())) {
          check(value, ref(mapped.asText()), at, problems);
          return;
        }
      }
      check(value, target, at, problems);
      return;
    }
    if (value.isObject()) {
      Map<String, JsonNode> properties = properties(schema);
      JsonNode extra = schema.path("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        var field = it.next();
        JsonNode fieldSchema = properties.get(field.getKey());
        if (fieldSchema == null && extra.isObject()) {
          fieldSchema = extra;
        }
        if (fieldSchema == null) {
          problems.add(
              at + "." + field.getKey() + ": not a field of the schema " + properties.keySet());
          continue;
        }
        check(field.getValue(), fieldSchema, at + "." + field.getKey(), problems);
      }
      if (!properties.isEmpty() || extra.isObject()) {
        return;
      }
    }
    String type = schema.path("type").asText("");
    if (value.isArray()) {
      if (!type.isEmpty() && !type.equals("array")) {
        problems.add(at + ": an array where the schema says " + type);
      }
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.path("items"), at + "[" + i + "]", problems);
      }
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode option : schema.get("enum")) {
        listed |= option.equals(value);
      }
      if (!listed) {
        problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    boolean fits =
        switch (type) {
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          case "object" -> value.isObject();
          default -> true;
        };
    if (!fits) {
      problems.add(at + ": " + value + " is not a " + type);
    }
  }

  /** The properties of an object schema, with those of every allOf part. */
  private Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    schema.path("properties").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
    for (JsonNode part : schema.path("allOf")) {
      all.putAll(properties(part.has("$ref") ? resolve(part.get("$ref").asText()) : part));
    }
    return all;
  }

  private JsonNode ref(String ref) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode()
        .put("$ref", ref);
  }

  private JsonNode resolve(String ref) {
    return schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
