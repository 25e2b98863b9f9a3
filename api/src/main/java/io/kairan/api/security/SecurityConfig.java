package io.kairan.api.security;

import io.kairan.api.limits.RateLimitFilter;
import io.kairan.api.limits.RateLimiter;
import io.kairan.api.problem.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Stateless bearer-token security; every error is a problem document. */
@Configuration
class SecurityConfig {

  @Bean
  SecurityFilterChain api(HttpSecurity http, RateLimiter limits) throws Exception {
    http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies to forge
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
                    .permitAll()
                    // The link in an address's confirmation mail: its secret token is the proof.
                    .requestMatchers("/api/v1/email/verification")
                    .permitAll()
                    .requestMatchers(
                        "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                    .hasAnyRole(Role.ANALYST.name(), Role.OPERATOR.name())
                    .requestMatchers("/api/v1/me/**")
                    .hasRole(Role.RESIDENT.name())
                    // A reach preview is for publishers, and for operators of any municipality.
                    .requestMatchers(HttpMethod.POST, "/api/v1/notices/preview")
                    .hasAnyRole(Role.DEPARTMENT.name(), Role.FIRM.name(), Role.OPERATOR.name())
                    // Who a notice reached: its publisher, and operators of its municipality; the
                    // list of residents not reached is for operators only.
                    .requestMatchers(HttpMethod.GET, "/api/v1/notices/*/coverage")
                    .hasAnyRole(Role.DEPARTMENT.name(), Role.FIRM.name(), Role.OPERATOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/notices/*/coverage/not-reached")
                    .hasRole(Role.OPERATOR.name())
                    .requestMatchers("/api/v1/notices", "/api/v1/notices/**")
                    .hasAnyRole(Role.DEPARTMENT.name(), Role.FIRM.name())
                    // A firm's notice is approved by a department or an operator, never a firm.
                    .requestMatchers("/api/v1/approvals", "/api/v1/approvals/**")
                    .hasAnyRole(Role.DEPARTMENT.name(), Role.OPERATOR.name())
                    .requestMatchers("/api/v1/rules/**")
                    .hasRole(Role.ANALYST.name())
                    .anyRequest()
                    .denyAll())
        // After the token is read, so a client is its token's subject wherever it calls from.
        .addFilterAfter(new RateLimitFilter(limits), BearerTokenAuthenticationFilter.class)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required.")))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        ProblemResponses.write(
                            response, HttpStatus.FORBIDDEN, "Your role does not allow this.")));
    return http.build();
  }

  /**
   * Signature, issuer, audience, a subject and an expiry (on the injected clock, so tests fix the
   * time): a token without {@code sub} names nobody, and one without {@code exp} would be good
   * forever. With a JWKS URI only RS256 and ES256 are accepted, so neither {@code alg: none} nor an
   * HS256 token "signed" with the provider's public key passes (algorithm confusion); HS256 is the
   * test mode's alone.
   */
  @Bean
  JwtDecoder jwtDecoder(SecuritySettings settings, Clock clock) {
    NimbusJwtDecoder decoder =
        settings.testMode()
            ? NimbusJwtDecoder.withSecretKey(
                    new SecretKeySpec(
                        settings.testHmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build()
            : NimbusJwtDecoder.withJwkSetUri(settings.jwksUri().toString())
                .jwsAlgorithms(
                    algorithms -> {
                      algorithms.add(SignatureAlgorithm.RS256);
                      algorithms.add(SignatureAlgorithm.ES256);
                    })
                .build();
    var timestamps = new JwtTimestampValidator();
    timestamps.setClock(clock);
    timestamps.setAllowEmptyExpiryClaim(false);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(timestamps);
    validators.add(new JwtIssuerValidator(settings.issuer()));
    validators.add(
        new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    if (settings.audience() != null) {
      validators.add(new JwtAudienceValidator(settings.audience()));
    }
    decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
    return decoder;
  }

  /**
   * The firewall runs before MVC (a {@code ;} or {@code //} in the path, a control character in a
   * header read by a filter), so its refusals are written here, as problems like every other error.
   */
  @Bean
  RequestRejectedHandler requestRejected() {
    return (request, response, e) ->
        ProblemResponses.write(
            response, HttpStatus.BAD_REQUEST, ProblemResponses.REFUSED_BY_FIREWALL);
  }

  private static JwtAuthenticationConverter rolesFromClaim() {
    var authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }
}
