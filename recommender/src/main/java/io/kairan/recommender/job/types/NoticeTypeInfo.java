package io.kairan.recommender.job.types;

import io.kairan.model.notice.Notice;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for a notice: its audience is a sealed interface, which Flink's POJO
 * analysis cannot follow (it would fall back to Kryo), so the notice has a serializer of its own.
 * The model stays free of Flink: fields and state descriptors name this type, not the record.
 */
public final class NoticeTypeInfo extends TypeInformation<Notice> {
  private static final long serialVersionUID = 1L;

  public static final NoticeTypeInfo INSTANCE = new NoticeTypeInfo();

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<Notice> getTypeClass() {
    return Notice.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<Notice> createSerializer(SerializerConfig config) {
    return NoticeSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "Notice (NoticeSerializer)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoticeTypeInfo;
  }

  @Override
  public int hashCode() {
    return NoticeTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof NoticeTypeInfo;
  }

  /** For {@code @TypeInfo} on a field of type Notice, e.g. in {@code ShardedNotice}. */
  public static final class Factory extends TypeInfoFactory<Notice> {
    @Override
    public TypeInformation<Notice> createTypeInfo(
        Type type, Map<String, TypeInformation<?>> genericParameters) {
      return INSTANCE;
    }
  }
}
