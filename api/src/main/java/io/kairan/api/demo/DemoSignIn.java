package io.kairan.api.demo;

import java.util.List;
import java.util.Optional;

/**
 * Who one may sign in as on the local stack, and their tokens. The local stack implements it with
 * its identity provider's key; a production API has none and never enables the demo sign-in.
 */
public interface DemoSignIn {
  /** The accounts the sign-in page offers, residents first. */
  List<DemoAccount> accounts();

  /** A fresh token for the account with this id, or empty for an unknown id. */
  Optional<DemoToken> signIn(String accountId);

  /**
   * One account of the demo.
   *
   * @param id what the page sends back to sign in
   * @param role the API role ({@code RESIDENT}, {@code DEPARTMENT}, {@code FIRM}, {@code ANALYST},
   *     {@code OPERATOR})
   * @param label what the page shows, e.g. "r-000018 (北会津町, with children)"
   */
  record DemoAccount(String id, String role, String label) {}

  /** A token and whom it names (a "new resident" account gets a subject of its own each time). */
  record DemoToken(String token, String subject, String role) {}
}
