package io.kairan.api.security;

/** What a token lets its holder do. */
public enum Role {
  RESIDENT,
  PUBLISHER,
  ANALYST,
  OPERATOR
}
