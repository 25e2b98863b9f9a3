package io.kairan.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnreadableBodyTest {

  @Test
  void theColumnCountsCharactersNotUtf8BytesOnTheLineNamed() {
    byte[] body = "{\"a\":1,\n \"町\":\"湊町\" x}".getBytes(StandardCharsets.UTF_8);
    // The x is the 11th character of line 2 and its 17th byte.
    assertThat(UnreadableBody.characterColumn(body, 2, 17)).isEqualTo(11);
  }

  @Test
  void withoutTheBodyTheParsersColumnIsKept() {
    assertThat(UnreadableBody.characterColumn(null, 3, 17)).isEqualTo(17);
  }

  @Test
  void aLineBeyondTheBodyKeepsTheParsersColumn() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(UnreadableBody.characterColumn(body, 4, 2)).isEqualTo(2);
  }
}
