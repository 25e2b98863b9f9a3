package io.kairan.deploy.demo;

import io.kairan.api.security.Role;
import io.kairan.testkit.tokens.TokenIssuer;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of people a newcomer acts as on the local stack, one per API role, and the demo's
 * default one of each: the launcher prints these, deploy/token.sh mints any other.
 */
public enum DemoTokens {
  RESIDENT(null, null),
  DEPARTMENT("aizuwakamatsu-city", "会津若松市役所"),
  FIRM("aizu-shoten", "会津商店"),
  ANALYST("city-analytics", null),
  OPERATOR("city-operations", null);

  /** The demo's default subject of this kind; residents have none (pick one). */
  public final String defaultId;

  private final String defaultName;

  DemoTokens(String defaultId, String defaultName) {
    this.defaultId = defaultId;
    this.defaultName = defaultName;
  }

  /** {@code resident}, {@code department}, {@code firm}, {@code analyst} or {@code operator}. */
  public static DemoTokens parse(String kind) {
    return valueOf(kind.toUpperCase(Locale.ROOT));
  }

  /**
   * The default subject's token (a resident needs an id: use {@link #mint(TokenIssuer, String,
   * String)}).
   */
  public String mint(TokenIssuer issuer) {
    return mint(issuer, defaultId, defaultName);
  }

  /** The demo city's code: a publisher previews and posts for its own municipality. */
  public static final String MUNICIPALITY = "072028";

  /**
   * A token for {@code id} with this role; {@code name} is a publisher's display name (null for the
   * default or the id). The role says department or firm, so the API knows a firm's notices wait
   * for approval and are never emergencies; publishers and operators are bound to the demo city.
   */
  public String mint(TokenIssuer issuer, String id, String name) {
    String display = name != null ? name : (id.equals(defaultId) ? defaultName : id);
    return switch (this) {
      case RESIDENT -> issuer.resident(id);
      case DEPARTMENT, FIRM -> issuer.publisher(id, display, role().name(), MUNICIPALITY);
      case ANALYST -> issuer.token(id, role().name(), Map.of());
      case OPERATOR ->
          issuer.token(id, role().name(), Map.of(Role.MUNICIPALITY_CLAIM, MUNICIPALITY));
    };
  }

  /** The API role of this kind of person (the same name). */
  public Role role() {
    return Role.valueOf(name());
  }
}
