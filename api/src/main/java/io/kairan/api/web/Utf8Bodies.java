package io.kairan.api.web;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON is UTF-8 (RFC 8259 8.1): a body labelled with another charset is refused with 415 rather
 * than decoded in that charset, which would publish a UTF-8 title as mojibake. No charset, or
 * UTF-8, is read as UTF-8.
 */
@ControllerAdvice
class Utf8Bodies extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    MediaType type = input.getHeaders().getContentType();
    // The parameter as sent, so an unknown name (charset=banana) is refused here too.
    String charset = type == null ? null : type.getParameter("charset");
    if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(unquoted(charset))) {
      throw new ResponseStatusException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "JSON bodies are UTF-8 (RFC 8259): send Content-Type application/json, with no charset"
              + " or charset=UTF-8, not charset="
              + charset
              + ".");
    }
    return input;
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
