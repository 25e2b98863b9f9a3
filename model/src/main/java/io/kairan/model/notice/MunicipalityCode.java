package io.kairan.model.notice;

/** JIS X 0402 municipality codes: five digits and a check digit (会津若松市 is 072028). */
public final class MunicipalityCode {
  private MunicipalityCode() {}

  public static boolean isValid(String code) {
    if (code == null || !code.matches("\\d{6}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (6 - i) * (code.charAt(i) - '0');
    }
    int check = (11 - sum % 11) % 10;
    return check == code.charAt(5) - '0';
  }
}
