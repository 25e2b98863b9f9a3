package io.kairan.api.security;

import io.kairan.api.problem.NotYoursException;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who a department's or firm's token says its holder is, and the municipality it publishes for. The
 * publisher is always the token's, never a body field, so nobody posts as someone else, as a feed,
 * or for another city.
 */
public record PublisherToken(Publisher publisher, String municipalityCode) {

  /**
   * The caller as a publisher: exactly one of the roles DEPARTMENT and FIRM (a token with both is
   * refused: guessing would let a firm post emergencies), and a municipality. Otherwise 403.
   */
  public static PublisherToken of(Authentication caller) {
    boolean department = Role.DEPARTMENT.heldBy(caller);
    boolean firm = Role.FIRM.heldBy(caller);
    if (department == firm) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Your token does not say what kind of publisher you are: its roles must hold exactly"
              + " one of DEPARTMENT and FIRM.");
    }
    String municipality = Role.municipalityOf(caller, "publish for");
    Jwt token = (Jwt) caller.getPrincipal();
    String name = token.getClaimAsString("name");
    return new PublisherToken(
        new Publisher(
            token.getSubject(),
            name == null ? token.getSubject() : name,
            department ? PublisherKind.DEPARTMENT : PublisherKind.FIRM),
        municipality);
  }

  /** 403 unless the notice is for the municipality this publisher is bound to. */
  public void mayPublishFor(String noticeMunicipality) {
    if (!municipalityCode.equals(noticeMunicipality)) {
      throw new NotYoursException(
          "You publish for municipality "
              + municipalityCode
              + "; this notice is for "
              + noticeMunicipality
              + ".");
    }
  }
}
