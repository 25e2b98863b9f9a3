package io.kairan.model.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTest {

  @Test
  void pushNowAndPushAtSendAPush() {
    assertThat(Channel.PUSH_NOW.pushes()).isTrue();
    assertThat(Channel.PUSH_AT.pushes()).isTrue();
  }

  @Test
  void theDigestAndTheFeedAloneSendNoPush() {
    assertThat(Channel.DIGEST.pushes()).isFalse();
    assertThat(Channel.FEED_ONLY.pushes()).isFalse();
  }
}
