package io.kairan.model.notice;

/** JIS X 0402 municipality codes: five digits and a check digit (会津若松市 is 072028). */
public final class MunicipalityCode {
  private MunicipalityCode() {}

  public static boolean isValid(String code) {
    return code != null
        && code.matches("\\d{6}")
        && code.equals(withCheckDigit(code.substring(0, 5)));
  }

  /**
   * The six-digit code for a five-digit one (feeds often drop the check digit; JMA areas add 00).
   */
  public static String withCheckDigit(String fiveDigits) {
    if (fiveDigits == null || !fiveDigits.matches("\\d{5}")) {
      throw new IllegalArgumentException("not five digits: " + fiveDigits);
    }
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (6 - i) * (fiveDigits.charAt(i) - '0');
    }
    return fiveDigits + (11 - sum % 11) % 10;
  }
}
