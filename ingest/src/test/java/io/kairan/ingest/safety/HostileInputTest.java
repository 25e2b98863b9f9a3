package io.kairan.ingest.safety;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.ingest.alert.CapConnector;
import io.kairan.ingest.feed.NewsFeedConnector;
import io.kairan.ingest.opendata.EventListConnector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputTest {

  @Test
  void anExternalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";

    var parsed =
        new CapConnector(io.kairan.ingest.alert.MunicipalityArea.shipped("072028"))
            .parse(xxe.getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("DOCTYPE"));
    assertThat(parsed.toString()).doesNotContain("TOP-SECRET");
  }

  @Test
  void aBillionLaughsDocumentIsRefusedAtOnce() {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    xml.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

    var parsed =
        new NewsFeedConnector(EventListConnector.defaultCategories())
            .parse(xml.toString().getBytes(StandardCharsets.UTF_8), AIZU);

    assertThat(parsed.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("DOCTYPE"));
  }

  @Test
  void oversizedDocumentsAreRefusedBeforeParsing() {
    byte[] huge = new byte[SafeXml.MAX_BYTES + 1];

    assertThatThrownBy(() -> SafeXml.parse(huge))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessageContaining("more than");
  }

  @Test
  void theCloudMetadataAddressIsNeverFetched() {
    var fetcher = new SafeFetcher(FetchPolicy.publicHosts(Set.of("169.254.169.254", "localhost")));

    assertThatThrownBy(() -> fetcher.check(URI.create("http://169.254.169.254/latest/meta-data/")))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessageContaining("non-public address 169.254.169.254");
    assertThatThrownBy(() -> fetcher.check(URI.create("http://localhost:8080/")))
        .isInstanceOf(UnsafeInputException.class)
        .hasMessageContaining("non-public");
    assertThatThrownBy(() -> fetcher.check(URI.create("https://evil.example/feed")))
        .hasMessageContaining("not a configured source host");
    assertThatThrownBy(() -> fetcher.check(URI.create("file:///etc/passwd")))
        .hasMessageContaining("only http(s)");
  }

  @Test
  void aRedirectToAForbiddenHostIsCheckedAgainAndRefused() throws Exception {
    try (var server =
        LoopbackServer.serving(
            "/feed",
            exchange -> {
              exchange
                  .getResponseHeaders()
                  .add("Location", "http://169.254.169.254/latest/meta-data/");
              exchange.sendResponseHeaders(302, -1);
              exchange.close();
            })) {
      // The test server is on loopback, so this policy allows private networks; the metadata host
      // is still not allowed.
      var fetcher = LoopbackServer.fetcher(1000);

      assertThatThrownBy(() -> fetcher.fetch(server.uri("/feed"), null, null))
          .isInstanceOf(UnsafeInputException.class)
          .hasMessageContaining("169.254.169.254 is not a configured source host");
    }
  }

  @Test
  void conditionalGetReportsNotModifiedAndBodiesAreCapped() throws Exception {
    try (var server =
        LoopbackServer.serving(
            "/feed",
            exchange -> {
              if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
              } else {
                byte[] body = "x".repeat(500).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
              }
              exchange.close();
            })) {
      URI feed = server.uri("/feed");
      var fetcher = LoopbackServer.fetcher(1000);

      Fetched first = fetcher.fetch(feed, null, null);
      assertThat(first.body()).hasSize(500);
      assertThat(fetcher.fetch(feed, first.etag(), null).notModified()).isTrue();
      assertThatThrownBy(() -> LoopbackServer.fetcher(100).fetch(feed, null, null))
          .hasMessageContaining("larger than 100 bytes");
    }
  }

  @Test
  void htmlIsReducedToText() {
    assertThat(
            CleanText.of(
                "<p>本文<script>steal()</script><img src=x onerror=alert(1)></p><p>二段落</p>", 100))
        .isEqualTo("本文\n二段落");
  }
}
