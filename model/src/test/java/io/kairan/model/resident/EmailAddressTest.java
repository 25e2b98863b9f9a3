package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
  static final Instant AT = Instant.parse("2026-11-26T03:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"hanako@example.jp", "a.b+kairan@mail.city.aizuwakamatsu.jp", "x@y.co"})
  void anOrdinaryAddressIsAnAddress(String address) {
    assertThat(EmailAddress.isAddress(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hanako",
        "hanako@localhost",
        "hanako@example.jp\r\nBcc: everyone@example.jp",
        "hanako@example.jp, other@example.jp",
        "\"hanako\"@example.jp",
        "<hanako@example.jp>",
        "hanako @example.jp",
        ".hanako@example.jp",
        "ha..nako@example.jp",
        "hanako@-example.jp",
        "はなこ@example.jp"
      })
  void anythingThatCouldCarryASecondRecipientOrHeaderIsNotAnAddress(String address) {
    assertThat(EmailAddress.isAddress(address)).isFalse();
  }

  @Test
  void anAddressLongerThanSmtpCarriesIsNotAnAddress() {
    String longest = "a".repeat(64) + "@" + ("b".repeat(61) + ".").repeat(3) + "jpn";
    assertThat(longest).hasSize(254);
    assertThat(EmailAddress.isAddress(longest)).isTrue();
    assertThat(EmailAddress.isAddress("c" + longest)).isFalse();
  }

  @Test
  void aRecordIsWholeOnlyWithADigestUntilVerifiedAndWithoutOneAfter() {
    assertThat(new EmailAddress("r-1", "a@b.jp", "ab12", AT, null).problems()).isEmpty();
    assertThat(new EmailAddress("r-1", "a@b.jp", null, AT, AT).problems()).isEmpty();
    assertThat(new EmailAddress("r-1", "a@b.jp", null, AT, null).problems()).isNotEmpty();
    assertThat(new EmailAddress("r-1", "a@b.jp", "ab12", AT, AT).problems()).isNotEmpty();
    assertThat(new EmailAddress("r-1", "not an address", null, AT, AT).problems())
        .containsExactly("address: is not an e-mail address");
  }
}
