package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.notice.Category;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.ProfileForMatching;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileBytesTest {
  private static ResidentProfile parent() {
    return ProfileForMatching.of(resident("r-1", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
  }

  @Test
  void aProfileReadBackFromItsBytesEqualsTheProfileWritten() {
    var bytes = new ProfileBytes();

    assertThat(bytes.read(bytes.write(parent()))).isEqualTo(parent());
  }

  /**
   * The bytes of format 1, pinned: when this fails, the profile's form in state changed, and
   * checkpoints of the old form would be read wrongly: raise {@link ProfileBytes#FORMAT} and pin
   * the new bytes.
   */
  @Test
  void theBytesOfAProfileInFormat1AreExactlyThese() {
    byte[] written = new ProfileBytes().write(parent());

    assertThat(written[0]).isEqualTo((byte) 1);
    assertThat(HexFormat.of().formatHex(written)).isEqualTo(PINNED);
  }

  @Test
  void stateOfAnotherFormatStopsTheJobSayingToStartFromTheTopics() {
    byte[] written = new ProfileBytes().write(parent());
    written[0] = 2;

    assertThatThrownBy(() -> new ProfileBytes().read(written))
        .isInstanceOf(ProfileBytes.Unreadable.class)
        .hasMessageContaining("format 2, this job reads format 1")
        .hasMessageContaining("from the topics");
    assertThatThrownBy(() -> DeadLetters.rethrowIfTheJobs(new ProfileBytes.Unreadable("x", null)))
        .as("never dead-lettered as a record's fault")
        .isInstanceOf(ProfileBytes.Unreadable.class);
  }

  private static final String PINNED =
      "010200000000000000000007c600000000000100000007e600000000000100000000000002010001000597a6019a9e01a5da01baea01010004722d310000000000010004d0b601b28102e66000000000000100036a6100073037323032380002000630373a3030000632323a3030000b417369612f546f6b796f01";
}
