package io.kairan.recommender.job;

import io.kairan.model.resident.ResidentProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * A profile as the match stage keeps it in state: serialized once, when it changes. A checkpoint on
 * the heap then copies a million byte arrays instead of serializing a million object graphs again
 * every interval, which kept two cores busy for seconds and made urgent notices wait (issue #17).
 * The index holds the profiles as objects for matching; the state is for restoring it.
 *
 * <p>The bytes begin with {@link #FORMAT}. Flink cannot evolve what it sees only as bytes, so a
 * change of {@link ResidentProfile}'s fields must raise the format ({@code ProfileBytesTest} pins
 * the bytes of a profile); state of another format stops the job with {@link Unreadable}, saying to
 * start it from the topics, instead of reading profiles wrongly.
 */
final class ProfileBytes {
  static final byte FORMAT = 1;

  /** Profiles in state that this job cannot read: the job fails rather than guess. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final TypeSerializer<ResidentProfile> serializer =
      TypeInformation.of(ResidentProfile.class).createSerializer(new SerializerConfigImpl());
  private final DataOutputSerializer out = new DataOutputSerializer(512);

  byte[] write(ResidentProfile profile) {
    out.clear();
    try {
      out.writeByte(FORMAT);
      serializer.serialize(profile, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory buffer: never
    }
    return out.getCopyOfBuffer();
  }

  ResidentProfile read(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      throw new Unreadable(
          "profiles in state of format "
              + (bytes.length == 0 ? "none" : bytes[0])
              + ", this job reads format "
              + FORMAT
              + ": start the job without its checkpoint, from the topics (profiles.v1 is compacted)",
          null);
    }
    try {
      return serializer.deserialize(new DataInputDeserializer(bytes, 1, bytes.length - 1));
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("a profile in state that this job cannot read", e);
    }
  }
}
