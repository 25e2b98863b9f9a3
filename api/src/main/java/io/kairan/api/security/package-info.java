/**
 * Who is calling: JWT bearer tokens with roles resident, publisher, analyst, operator. A resident's
 * id is the token's subject, never a path or body field, so residents only ever reach their own
 * data.
 */
package io.kairan.api.security;
