/**
 * Signed tokens and a JWKS-serving identity provider for the local stack and the security tests,
 * the stand-in for a city's own. Not in any production jar: production code cannot mint tokens
 * ({@code BoundariesTest}).
 */
package io.kairan.testkit.tokens;
