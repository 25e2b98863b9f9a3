package io.kairan.api.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kairan.testkit.tls.SelfSignedCertificate;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's Elasticsearch client from configuration: over TLS it trusts exactly the CA certificate
 * given and sends the credentials on every request; each contradiction is named at start.
 */
class ElasticsearchAccessTest {

  /** An HTTPS server with the certificate's key that answers {} and records each Authorization. */
  private record Server(HttpsServer https, List<String> authorizations) implements AutoCloseable {
    static Server start(SelfSignedCertificate certificate) throws Exception {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(certificate.keyStore())) {
        keys.load(in, certificate.password().toCharArray());
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, certificate.password().toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      List<String> authorizations = new CopyOnWriteArrayList<>();
      https.createContext(
          "/",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      https.start();
      return new Server(https, authorizations);
    }

    String url() {
      return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    @Override
    public void close() {
      https.stop(0);
    }
  }

  private static RestClient client(String url, Map<String, String> settings) {
    return ElasticsearchAccess.from(url, settings::get)
        .applyTo(RestClient.builder(HttpHost.create(url)))
        .build();
  }

  /** What the server saw of each request a client, configured with the CA and more, made. */
  private static List<String> authorizationsSeen(Path dir, Map<String, String> more, int requests)
      throws Exception {
    var certificate = SelfSignedCertificate.make(dir, "es");
    Map<String, String> settings = new java.util.HashMap<>(more);
    settings.put("ELASTICSEARCH_CA_CERTIFICATE", certificate.pem().toString());
    try (Server server = Server.start(certificate);
        RestClient client = client(server.url(), settings)) {
      for (int i = 0; i < requests; i++) {
        client.performRequest(new Request("GET", "/_cluster/health"));
      }
      return server.authorizations();
    }
  }

  @Test
  void overTlsItTrustsTheGivenCaAndSendsTheUserAndPasswordOnEveryRequest(@TempDir Path dir)
      throws Exception {
    var seen =
        authorizationsSeen(
            dir, Map.of("ELASTICSEARCH_USERNAME", "elastic", "ELASTICSEARCH_PASSWORD", "es-pw"), 2);

    // base64("elastic:es-pw"), by hand.
    assertThat(seen).containsExactly("Basic ZWxhc3RpYzplcy1wdw==", "Basic ZWxhc3RpYzplcy1wdw==");
  }

  @Test
  void anApiKeyIsSentAsSuch(@TempDir Path dir) throws Exception {
    var seen = authorizationsSeen(dir, Map.of("ELASTICSEARCH_API_KEY", "a2V5OnNlY3JldA=="), 1);

    assertThat(seen).containsExactly("ApiKey a2V5OnNlY3JldA==");
  }

  @Test
  void withoutTheCaAServerWithACertificateOfItsOwnIsRefused(@TempDir Path dir) throws Exception {
    var certificate = SelfSignedCertificate.make(dir, "es");
    try (Server server = Server.start(certificate);
        RestClient client = client(server.url(), Map.of())) {
      assertThatThrownBy(() -> client.performRequest(new Request("GET", "/")))
          .isInstanceOf(SSLHandshakeException.class);
      assertThat(server.authorizations()).isEmpty();
    }
  }

  @Test
  void eachContradictionIsNamedAndNoSecretIsShown(@TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () ->
                ElasticsearchAccess.from(
                    "https://es:9200",
                    Map.of("ELASTICSEARCH_API_KEY", "k", "ELASTICSEARCH_USERNAME", "u")::get))
        .hasMessage(
            "both ELASTICSEARCH_API_KEY and ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD are set; set one");
    assertThatThrownBy(
            () ->
                ElasticsearchAccess.from(
                    "https://es:9200", Map.of("ELASTICSEARCH_USERNAME", "u")::get))
        .hasMessage("ELASTICSEARCH_PASSWORD is not set; both or neither");
    assertThatThrownBy(
            () ->
                ElasticsearchAccess.from(
                    "http://es:9200",
                    Map.of("ELASTICSEARCH_USERNAME", "u", "ELASTICSEARCH_PASSWORD", "p")::get))
        .hasMessage("Elasticsearch credentials are set but the URL http://es:9200 is not https");
    assertThatThrownBy(
            () ->
                ElasticsearchAccess.from(
                    "http://es:9200", Map.of("ELASTICSEARCH_CA_CERTIFICATE", "/x/ca.crt")::get))
        .hasMessage(
            "ELASTICSEARCH_CA_CERTIFICATE is set but the Elasticsearch URL http://es:9200 is not https");
    Path empty = Files.writeString(dir.resolve("empty.crt"), "");
    assertThatThrownBy(
            () ->
                ElasticsearchAccess.from(
                    "https://es:9200",
                    Map.of("ELASTICSEARCH_CA_CERTIFICATE", empty.toString())::get))
        .hasMessageStartingWith("ELASTICSEARCH_CA_CERTIFICATE: no certificate in " + empty);

    var access =
        ElasticsearchAccess.from(
            "https://es:9200",
            Map.of("ELASTICSEARCH_USERNAME", "elastic", "ELASTICSEARCH_PASSWORD", "es-pw")::get);
    assertThat(access).hasToString("user elastic");
    assertThat(ElasticsearchAccess.from("http://localhost:9200", Map.<String, String>of()::get))
        .hasToString("no credentials");
  }
}
