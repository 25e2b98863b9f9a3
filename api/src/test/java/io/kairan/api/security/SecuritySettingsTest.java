package io.kairan.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Which tokens the API is configured to accept, and the configurations it refuses to start with.
 */
class SecuritySettingsTest {
  static final URI JWKS = URI.create("https://id.city.example/realms/aizu/certs");
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void aJwksUriWithIssuerAndAudienceIsTheProductionMode() {
    var settings = new SecuritySettings(JWKS, "https://id.city.example", "kairan-api", null);

    assertThat(settings.testMode()).isFalse();
    assertThat(settings.issuer()).isEqualTo("https://id.city.example");
    assertThat(settings.audience()).isEqualTo("kairan-api");
  }

  @Test
  void aTestSecretBesideAJwksUriIsRefusedSoProductionNeverAcceptsSecretSignedTokens() {
    assertThatThrownBy(
            () -> new SecuritySettings(JWKS, "https://id.city.example", "kairan-api", SECRET))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test-hmac-secret is for tests only");
  }

  @Test
  void aJwksUriWithoutAnIssuerOrAnAudienceIsRefused() {
    assertThatThrownBy(() -> new SecuritySettings(JWKS, null, "kairan-api", null))
        .hasMessageContaining("kairan.security.issuer and kairan.security.audience");
    assertThatThrownBy(() -> new SecuritySettings(JWKS, "https://id.city.example", " ", null))
        .hasMessageContaining("kairan.security.issuer and kairan.security.audience");
  }

  @Test
  void neitherAJwksUriNorATestSecretIsRefusedNamingBoth() {
    assertThatThrownBy(() -> new SecuritySettings(null, null, null, null))
        .hasMessageContaining("kairan.security.jwks-uri")
        .hasMessageContaining("test-hmac-secret");
  }

  @Test
  void aTestSecretShorterThan32CharactersIsRefused() {
    assertThatThrownBy(() -> new SecuritySettings(null, null, null, SECRET.substring(1)))
        .hasMessageContaining("at least 32 characters");
  }

  @Test
  void emptyEnvironmentValuesCountAsUnsetSoAnEmptyJwksUriIsNotAProductionMode() {
    var settings = new SecuritySettings(URI.create(""), "", "", SECRET);

    assertThat(settings.testMode()).isTrue();
    assertThat(settings.issuer()).isEqualTo("kairan-local");
    assertThat(settings.audience()).isNull();
  }
}
