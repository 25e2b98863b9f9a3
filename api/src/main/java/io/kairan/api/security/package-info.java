/**
 * Who is calling: bearer tokens from the city's identity provider (RS256 or ES256, checked against
 * its JWKS, issuer and audience; HS256 with a shared secret in tests only) with roles resident,
 * department, firm, analyst, operator. A resident's id is the token's subject, never a path or body
 * field, so residents only ever reach their own data; a publisher is bound to its municipality.
 */
package io.kairan.api.security;
