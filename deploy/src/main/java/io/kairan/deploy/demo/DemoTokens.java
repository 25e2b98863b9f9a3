package io.kairan.deploy.demo;

import io.kairan.api.security.Role;
import io.kairan.testkit.tokens.TokenIssuer;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of people a newcomer acts as on the local stack, and the demo's default one of each:
 * the launcher prints these, deploy/token.sh mints any other.
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

  private static String publisher(TokenIssuer issuer, String id, String name, String kind) {
    return issuer.token(
        id,
        "PUBLISHER",
        Map.of("name", name, "publisher_kind", kind, "municipality_code", MUNICIPALITY));
  }

  /**
   * A token for {@code id}; {@code name} is a publisher's display name (null for the default or the
   * id). The publisher kind is a claim, so the API knows a firm cannot post emergencies.
   */
  public String mint(TokenIssuer issuer, String id, String name) {
    String display = name != null ? name : (id.equals(defaultId) ? defaultName : id);
    return switch (this) {
      case RESIDENT -> issuer.resident(id);
      case DEPARTMENT -> publisher(issuer, id, display, "DEPARTMENT");
      case FIRM -> publisher(issuer, id, display, "FIRM");
      case ANALYST -> issuer.token(id, Role.ANALYST.name(), Map.of());
      case OPERATOR ->
          issuer.token(id, Role.OPERATOR.name(), Map.of("municipality_code", MUNICIPALITY));
    };
  }
}
