package io.kairan.push.management;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address range in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}, {@code 10.42.0.0/16}),
 * or one address without a prefix. IPv4 and IPv6 never match each other.
 */
record AddressRange(byte[] network, int prefix) {

  static AddressRange parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
    int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
    if (prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException("prefix out of range in " + cidr);
    }
    return new AddressRange(address, prefix);
  }

  boolean contains(String address) {
    byte[] candidate;
    try {
      candidate = literal(address);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (candidate.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }

  /** An IP literal only: a host name here would be a DNS lookup for every request. */
  private static byte[] literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (bare.isEmpty()
        || !(bare.contains(":") || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + text, e);
    }
  }
}
