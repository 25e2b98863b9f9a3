package io.kairan.api.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a token lets its holder do, from its {@code roles} claim. A department publishes at once and
 * approves firms' notices; a firm's notices wait for approval and are never emergencies; both are
 * bound to the municipality their token names ({@value #MUNICIPALITY_CLAIM}), as an operator is.
 */
public enum Role {
  RESIDENT,
  DEPARTMENT,
  FIRM,
  ANALYST,
  OPERATOR;

  /** The claim naming the municipality a publisher publishes for, or an operator runs. */
  public static final String MUNICIPALITY_CLAIM = "municipality_code";

  /** The authority Spring Security grants for this role (the {@code roles} claim, prefixed). */
  public String authority() {
    return "ROLE_" + name();
  }

  public boolean heldBy(Authentication caller) {
    return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority()));
  }

  /**
   * The municipality the caller's token binds it to ({@code doing} says for what, in the refusal),
   * or 403: a token that names none acts for no municipality.
   */
  public static String municipalityOf(Authentication caller, String doing) {
    String municipality = ((Jwt) caller.getPrincipal()).getClaimAsString(MUNICIPALITY_CLAIM);
    if (municipality == null || municipality.isBlank()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Your token does not say which municipality you "
              + doing
              + ": its "
              + MUNICIPALITY_CLAIM
              + " claim must name it.");
    }
    return municipality;
  }
}
