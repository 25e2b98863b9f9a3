/**
 * Signed tokens for the local stack and the security tests, the stand-in for a city's identity
 * provider. Not in any production jar: production code cannot mint tokens ({@code BoundariesTest}).
 */
package io.kairan.testkit.tokens;
