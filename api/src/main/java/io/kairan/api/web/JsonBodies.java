package io.kairan.api.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairan.model.json.Json;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request and response bodies go through the model's codec (Jackson 2), the one that reads and
 * writes every record on Kafka, so HTTP gets the same limits (nesting depth 64, string length) and
 * the same field names as the topics. The api has no Jackson 3 on its classpath; where another
 * component brings it (the local stack runs push in the same JVM), this converter still has the
 * last word: it is set after Boot's own configuration.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class JsonBodies implements WebMvcConfigurer {

  /**
   * The model's mapper, plus Spring's mix-in that writes a problem's extra fields at top level. It
   * refuses a field the body type does not have (a typo such as {@code significantChnage} would
   * otherwise be dropped without a word); the model's codec keeps ignoring them on the topics,
   * where a newer writer may add fields.
   */
  @SuppressWarnings("removal") // see configureMessageConverters
  public static ObjectMapper mapper() {
    return Json.mapper()
        .copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
  }

  @Override
  // Spring 7 marks its Jackson 2 support for removal; the day it goes, the model's codec moves to
  // Jackson 3 and this converter with it. Until then one codec serves topics and HTTP alike.
  @SuppressWarnings("removal")
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder
        .withJsonConverter(new MappingJackson2HttpMessageConverter(mapper()))
        // JSON only: where another component puts an XML data format on the classpath (the local
        // stack, ingest's), Spring would otherwise read XML bodies too, past the model's codec.
        .configureMessageConvertersList(converters -> converters.removeIf(JsonBodies::readsXml));
  }

  private static boolean readsXml(HttpMessageConverter<?> converter) {
    return converter.getSupportedMediaTypes().stream()
        .anyMatch(type -> type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
  }
}
