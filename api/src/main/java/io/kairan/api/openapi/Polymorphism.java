package io.kairan.api.openapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A Jackson type hierarchy as the wire knows it. springdoc writes a sealed type such as {@code
 * Audience} as a discriminator without a mapping (a generated client would then send the schema's
 * name, {@code "Everyone"}, where the API reads {@code "everyone"}) and every field of that type as
 * a {@code oneOf} of all its subtypes. Here each root gets the mapping its {@link JsonSubTypes}
 * names, and each such {@code oneOf} becomes a reference to the root, so a generator makes one
 * class hierarchy with the API's own type names.
 */
final class Polymorphism {
  static final String BASE_PACKAGE = "io.kairan";

  /** A root and its subtypes by their names on the wire. */
  record Root(String schema, Map<String, String> subtypeSchemas) {}

  private final List<Root> roots;

  Polymorphism(List<Root> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Every type under {@value #BASE_PACKAGE} that names its subtypes with {@link JsonSubTypes}. */
  static Polymorphism scan() {
    var scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return true; // interfaces too: a sealed interface is the usual root
          }
        };
    scanner.addIncludeFilter(new AnnotationTypeFilter(JsonSubTypes.class, false, false));
    List<Root> roots = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type =
          ClassUtils.resolveClassName(
              candidate.getBeanClassName(), Polymorphism.class.getClassLoader());
      Map<String, String> subtypes = new TreeMap<>();
      for (JsonSubTypes.Type sub : type.getAnnotation(JsonSubTypes.class).value()) {
        subtypes.put(sub.name(), sub.value().getSimpleName());
      }
      roots.add(new Root(type.getSimpleName(), subtypes));
    }
    return new Polymorphism(roots);
  }

  void apply(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    for (Root root : roots) {
      Schema<?> rootSchema = schemas.get(root.schema());
      if (rootSchema == null || rootSchema.getDiscriminator() == null) {
        continue; // not in this document
      }
      Discriminator discriminator = rootSchema.getDiscriminator();
      root.subtypeSchemas().forEach((name, schema) -> discriminator.mapping(name, ref(schema)));
      Set<String> subtypeRefs = new TreeSet<>();
      root.subtypeSchemas().values().forEach(s -> subtypeRefs.add(ref(s)));
      var seen = new IdentityHashMap<Schema<?>, Boolean>();
      everySchema(api).forEach(s -> replaceOneOf(s, subtypeRefs, ref(root.schema()), seen));
    }
  }

  /** The components' schemas and those of every request and response body. */
  private static List<Schema<?>> everySchema(OpenAPI api) {
    List<Schema<?>> all = new ArrayList<>();
    api.getComponents().getSchemas().values().forEach(all::add);
    if (api.getPaths() == null) {
      return all;
    }
    for (var item : api.getPaths().values()) {
      for (var operation : item.readOperations()) {
        List<Content> bodies = new ArrayList<>();
        if (operation.getRequestBody() != null) {
          bodies.add(operation.getRequestBody().getContent());
        }
        operation.getResponses().values().forEach(r -> bodies.add(r.getContent()));
        for (Content content : bodies) {
          if (content != null) {
            content.values().forEach(media -> all.add(media.getSchema()));
          }
        }
      }
    }
    return all;
  }

  /** Depth first through properties, items, map values and compositions. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void replaceOneOf(
      Schema<?> schema, Set<String> subtypeRefs, String rootRef, Map<Schema<?>, Boolean> seen) {
    if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (schema.getOneOf() != null) {
      Set<String> refs = new TreeSet<>();
      schema.getOneOf().forEach(s -> refs.add(String.valueOf(s.get$ref())));
      if (refs.equals(subtypeRefs)) {
        schema.setOneOf(null);
        schema.set$ref(rootRef);
        return;
      }
      schema.getOneOf().forEach(s -> replaceOneOf(s, subtypeRefs, rootRef, seen));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(s -> replaceOneOf(s, subtypeRefs, rootRef, seen));
    }
    replaceOneOf(schema.getItems(), subtypeRefs, rootRef, seen);
    if (schema.getAdditionalProperties() instanceof Schema values) {
      replaceOneOf(values, subtypeRefs, rootRef, seen);
    }
    for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()))) {
      parts.forEach(s -> replaceOneOf(s, subtypeRefs, rootRef, seen));
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> nonNull(List<Schema> list) {
    return list == null ? List.of() : list;
  }

  private static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }
}
