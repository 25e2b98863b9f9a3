package io.kairan.api.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Credentials and TLS for the API's Elasticsearch client, from configuration (environment variables
 * or properties of the same names): a user and password or an API key, and the CA certificate (PEM,
 * e.g. ECK's {@code ca.crt}) that signed the server's, for an {@code https} URL. Nothing set: no
 * credentials, and the JDK's CAs for https. {@link #toString()} shows no secret.
 */
public final class ElasticsearchAccess {
  public static final String USERNAME = "ELASTICSEARCH_USERNAME";
  public static final String PASSWORD = "ELASTICSEARCH_PASSWORD";
  public static final String API_KEY = "ELASTICSEARCH_API_KEY";
  public static final String CA_CERTIFICATE = "ELASTICSEARCH_CA_CERTIFICATE";
  public static final List<String> VARIABLES = List.of(USERNAME, PASSWORD, API_KEY, CA_CERTIFICATE);

  private final Header authorization;
  private final SSLContext tls;
  private final String description;

  private ElasticsearchAccess(Header authorization, SSLContext tls, String description) {
    this.authorization = authorization;
    this.tls = tls;
    this.description = description;
  }

  /**
   * @throws IllegalArgumentException naming the setting that is missing or contradicts another, or
   *     the certificate file that cannot be read
   */
  public static ElasticsearchAccess from(String url, Function<String, String> lookup) {
    String user = value(lookup, USERNAME);
    String password = value(lookup, PASSWORD);
    String apiKey = value(lookup, API_KEY);
    String ca = value(lookup, CA_CERTIFICATE);
    Header authorization = null;
    List<String> said = new ArrayList<>();
    if (apiKey != null && (user != null || password != null)) {
      throw new IllegalArgumentException(
          "both " + API_KEY + " and " + USERNAME + "/" + PASSWORD + " are set; set one");
    }
    if (apiKey != null) {
      authorization = new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + apiKey);
      said.add("an API key");
    } else if (user != null || password != null) {
      if (user == null || password == null) {
        throw new IllegalArgumentException(
            (user == null ? USERNAME : PASSWORD) + " is not set; both or neither");
      }
      String basic = user + ":" + password;
      authorization =
          new BasicHeader(
              HttpHeaders.AUTHORIZATION,
              "Basic "
                  + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
      said.add("user " + user);
    }
    SSLContext tls = null;
    if (ca != null) {
      if (!url.startsWith("https://")) {
        throw new IllegalArgumentException(
            CA_CERTIFICATE + " is set but the Elasticsearch URL " + url + " is not https");
      }
      tls = trusting(Path.of(ca));
      said.add("trusting " + ca);
    }
    if (authorization != null && url.startsWith("http://")) {
      // Credentials in clear text over the network: refused rather than sent.
      throw new IllegalArgumentException(
          "Elasticsearch credentials are set but the URL " + url + " is not https");
    }
    return new ElasticsearchAccess(
        authorization, tls, said.isEmpty() ? "no credentials" : String.join(", ", said));
  }

  private static String value(Function<String, String> lookup, String name) {
    String v = lookup.apply(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** A TLS context that trusts exactly the certificates in the PEM file. */
  static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new IllegalArgumentException(CA_CERTIFICATE + ": no certificate in " + pem);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          CA_CERTIFICATE
              + ": cannot read a PEM certificate from "
              + pem
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** The client builder with the credentials sent on every request and the CA trusted. */
  public RestClientBuilder applyTo(RestClientBuilder builder) {
    if (authorization != null) {
      builder.setDefaultHeaders(new Header[] {authorization});
    }
    if (tls != null) {
      builder.setHttpClientConfigCallback(http -> http.setSSLContext(tls));
    }
    return builder;
  }

  @Override
  public String toString() {
    return description;
  }
}
