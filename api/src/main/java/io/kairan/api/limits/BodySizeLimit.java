package io.kairan.api.limits;

import io.kairan.api.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 and a problem document, before anything parses
 * them: a notice may carry up to {@value #NOTICE_LIMIT} bytes (its bodies are up to 10,000
 * characters in each of up to 20 languages, three bytes a character in UTF-8), every other call
 * {@value #DEFAULT_LIMIT}. A declared length over the limit is refused unread; any other body is
 * read up to one byte past the limit (a chunked one may not say its length) and refused there, else
 * kept in the request attribute {@link #BODY}, so an error can point into it.
 */
@Component
public class BodySizeLimit extends OncePerRequestFilter {
  public static final int DEFAULT_LIMIT = 64 * 1024;
  public static final int NOTICE_LIMIT = 256 * 1024;

  /** The body as read, bytes; absent when the request had none. */
  public static final String BODY = BodySizeLimit.class.getName() + ".body";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int limit = limitFor(request.getRequestURI());
    if (request.getContentLengthLong() > limit) {
      refuse(response, limit);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      refuse(response, limit);
      return;
    }
    if (body.length == 0) {
      chain.doFilter(request, response); // nothing to read again (a GET)
      return;
    }
    request.setAttribute(BODY, body);
    chain.doFilter(new BufferedBody(request, body), response);
  }

  static int limitFor(String path) {
    return path != null && path.startsWith("/api/v1/notices") ? NOTICE_LIMIT : DEFAULT_LIMIT;
  }

  private static void refuse(HttpServletResponse response, int limit) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than " + limit / 1024 + " KiB.");
  }

  /** A request whose body was read ahead, to be read again by the handler. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
