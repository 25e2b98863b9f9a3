package io.kairan.push.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void anIpv4RangeHoldsExactlyTheAddressesUnderItsPrefix() {
    AddressRange range = AddressRange.parse("10.42.0.0/16");

    assertThat(range.contains("10.42.0.0")).isTrue();
    assertThat(range.contains("10.42.255.255")).isTrue();
    assertThat(range.contains("10.43.0.0")).isFalse();
    assertThat(range.contains("10.41.255.255")).isFalse();
  }

  @Test
  void aPrefixThatCutsAByteComparesOnlyItsHighBits() {
    AddressRange range = AddressRange.parse("192.168.1.128/25");

    assertThat(range.contains("192.168.1.128")).isTrue();
    assertThat(range.contains("192.168.1.255")).isTrue();
    assertThat(range.contains("192.168.1.127")).isFalse();
  }

  @Test
  void loopbackInBothFamiliesAndNeitherMatchesTheOther() {
    assertThat(AddressRange.parse("127.0.0.0/8").contains("127.0.0.1")).isTrue();
    assertThat(AddressRange.parse("::1/128").contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(AddressRange.parse("::1/128").contains("::2")).isFalse();
    assertThat(AddressRange.parse("127.0.0.0/8").contains("::1")).isFalse();
  }

  @Test
  void anAddressWithoutAPrefixIsThatAddressAlone() {
    AddressRange one = AddressRange.parse("203.0.113.7");

    assertThat(one.contains("203.0.113.7")).isTrue();
    assertThat(one.contains("203.0.113.8")).isFalse();
  }

  @Test
  void aHostNameIsNeitherARangeNorACallerAndIsNeverLookedUp() {
    assertThatThrownBy(() -> AddressRange.parse("localhost/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AddressRange.parse("127.0.0.0/8").contains("localhost")).isFalse();
  }

  @Test
  void aPrefixLongerThanTheAddressIsRefused() {
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
