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
 */
final class ProfileBytes {
  private final TypeSerializer<ResidentProfile> serializer =
      TypeInformation.of(ResidentProfile.class).createSerializer(new SerializerConfigImpl());
  private final DataOutputSerializer out = new DataOutputSerializer(512);

  byte[] write(ResidentProfile profile) {
    out.clear();
    try {
      serializer.serialize(profile, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory buffer: never
    }
    return out.getCopyOfBuffer();
  }

  ResidentProfile read(byte[] bytes) {
    try {
      return serializer.deserialize(new DataInputDeserializer(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("a profile in state that cannot be read", e);
    }
  }
}
