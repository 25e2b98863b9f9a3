package io.kairan.recommender.job.types;

import io.kairan.model.notice.Notice;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for a notice, in state and between operators: {@link NoticeFormat}, never Kryo
 * and never JSON. A notice is immutable, so a copy is the notice itself.
 */
public final class NoticeSerializer extends TypeSerializer<Notice> {
  private static final long serialVersionUID = 1L;

  public static final NoticeSerializer INSTANCE = new NoticeSerializer(Snapshot.FORMAT);

  /** The layout this serializer reads: older only for state restored from an older checkpoint. */
  private final int format;

  private NoticeSerializer(int format) {
    this.format = format;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializer<Notice> duplicate() {
    return this; // stateless
  }

  @Override
  public Notice createInstance() {
    return null; // a record has no empty instance; Flink only asks for mutable types
  }

  @Override
  public Notice copy(Notice from) {
    return from;
  }

  @Override
  public Notice copy(Notice from, Notice reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Notice notice, DataOutputView target) throws IOException {
    NoticeFormat.write(notice, target);
  }

  @Override
  public Notice deserialize(DataInputView source) throws IOException {
    return NoticeFormat.read(source, format);
  }

  @Override
  public Notice deserialize(Notice reuse, DataInputView source) throws IOException {
    return NoticeFormat.read(source, format);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    NoticeFormat.write(NoticeFormat.read(source, format), target);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoticeSerializer that && that.format == format;
  }

  @Override
  public int hashCode() {
    return 31 * NoticeSerializer.class.hashCode() + format;
  }

  @Override
  public TypeSerializerSnapshot<Notice> snapshotConfiguration() {
    return new Snapshot();
  }

  /**
   * What a checkpoint records of the serializer: the class and the format version of {@link
   * NoticeFormat}. A checkpoint of this format restores this serializer as is; one of format 1
   * (before corrections) or 2 (before hazards) is read in its layout and migrated: Flink rewrites
   * it in this one.
   */
  public static final class Snapshot implements TypeSerializerSnapshot<Notice> {
    static final int FORMAT = 3;
    private int readFormat = FORMAT;

    @Override
    public int getCurrentVersion() {
      return FORMAT;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {
      // The version Flink writes before this is all there is to know.
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      if (readVersion < 1 || readVersion > FORMAT) {
        throw new IOException("notice format " + readVersion + " is unknown to this job");
      }
      readFormat = readVersion;
    }

    @Override
    public TypeSerializer<Notice> restoreSerializer() {
      return readFormat == FORMAT ? INSTANCE : new NoticeSerializer(readFormat);
    }

    @Override
    public TypeSerializerSchemaCompatibility<Notice> resolveSchemaCompatibility(
        TypeSerializerSnapshot<Notice> old) {
      if (!(old instanceof Snapshot written)) {
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      return written.readFormat == FORMAT
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
  }
}
