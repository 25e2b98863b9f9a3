package io.kairan.api.limits;

/** Calls limited together: reading changes nothing, so reads may come more often than writes. */
enum CallClass {
  READ,
  WRITE;

  static CallClass of(String method) {
    return switch (method) {
      case "GET", "HEAD" -> READ;
      default -> WRITE;
    };
  }
}
