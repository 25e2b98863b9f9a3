package io.kairan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka clients' TLS and SASL settings from configuration, and a clear error for each mistake. */
class KafkaClientSecurityTest {

  private static KafkaClientSecurity of(Map<String, String> settings) {
    return KafkaClientSecurity.from(settings::get);
  }

  /** SCRAM-SHA-512 over TLS as kairan-api, and more settings. */
  private static KafkaClientSecurity scram(String password, Path truststore, String... more) {
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "kairan-api",
                "KAFKA_SASL_PASSWORD", password,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString()));
    for (int i = 0; i < more.length; i += 2) {
      settings.put(more[i], more[i + 1]);
    }
    return of(settings);
  }

  @Test
  void nothingSetIsPlaintext() {
    var security = of(Map.of());

    assertThat(security.properties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    assertThat(security.isPlaintext()).isTrue();
  }

  @Test
  void scramOverTlsWithAUserAndPasswordBecomesTheScramLoginModuleAndTheTruststore(@TempDir Path dir)
      throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----");
    var security = scram("pa\"ss\\word", ca);

    assertThat(security.properties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"kairan-api\" password=\"pa\\\"ss\\\\word\";",
                "ssl.truststore.location", ca.toString(),
                "ssl.truststore.type", "PEM"));
  }

  @Test
  void theDescriptionNamesTheUserAndNeverThePassword(@TempDir Path dir) throws Exception {
    Path store = Files.writeString(dir.resolve("trust.p12"), "x");
    var security = scram("s3cret-pw", store, "KAFKA_SSL_TRUSTSTORE_PASSWORD", "store-pw");

    assertThat(security.toString())
        .isEqualTo("SASL_SSL, SCRAM-SHA-512 as kairan-api, trusting " + store + " (PKCS12)")
        .doesNotContain("s3cret-pw", "store-pw");
  }

  @Test
  void aJaasLineIsTakenAsGivenForAnyMechanism() {
    var security =
        of(
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "sasl_plaintext",
                "KAFKA_SASL_MECHANISM", "OAUTHBEARER",
                "KAFKA_SASL_JAAS_CONFIG", "x required;"));

    assertThat(security.properties())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "OAUTHBEARER")
        .containsEntry("sasl.jaas.config", "x required;");
    assertThat(security.toString()).doesNotContain("x required");
  }

  @Test
  void eachMistakeIsNamed() {
    assertThatThrownBy(() -> of(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")))
        .hasMessage(
            "KAFKA_SECURITY_PROTOCOL is TLS; expected one of [PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL]");
    assertThatThrownBy(() -> of(Map.of("KAFKA_SASL_USERNAME", "u")))
        .hasMessageStartingWith(
            "KAFKA_SASL_USERNAME is set but KAFKA_SECURITY_PROTOCOL is PLAINTEXT");
    assertThatThrownBy(
            () ->
                of(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_USERNAME", "u")))
        .hasMessageStartingWith("KAFKA_SASL_MECHANISM is not set");
    assertThatThrownBy(
            () ->
                of(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_USERNAME", "u")))
        .hasMessageStartingWith("KAFKA_SASL_PASSWORD is not set");
    assertThatThrownBy(
            () ->
                of(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "KAFKA_SASL_MECHANISM", "GSSAPI",
                        "KAFKA_SASL_USERNAME", "u",
                        "KAFKA_SASL_PASSWORD", "p")))
        .hasMessageStartingWith(
            "KAFKA_SASL_MECHANISM is GSSAPI: a user name and password work with");
    assertThatThrownBy(
            () ->
                of(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SSL",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/no/such/ca.crt")))
        .hasMessage(
            "KAFKA_SSL_TRUSTSTORE_LOCATION names /no/such/ca.crt, which is not a readable file");
  }
}
