package io.kairan.recommender.job.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The notice's own Flink serializer: what it writes reads back as the same notice, its layout is
 * pinned (a checkpoint written today must read tomorrow), and its snapshot restores it.
 */
class NoticeSerializerTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  /** Every kind of audience once, in one tree; single-language texts keep the bytes stable. */
  private static Notice everyKind() {
    GeoPoint castle = new GeoPoint(37.4875, 139.9297);
    Audience audience =
        new Audience.AnyOf(
            List.of(
                new Audience.Everyone(),
                new Audience.AllOf(
                    List.of(
                        new Audience.InMunicipality("072028"),
                        new Audience.InDistrict(List.of("北会津町", "湊町")),
                        new Audience.AgeBetween(18, 64),
                        new Audience.HasChildAgedBetween(0, 6),
                        new Audience.Speaks("ja-x-easy"),
                        new Audience.InterestedIn("子育て"),
                        new Audience.Not(
                            new Audience.WithinPolygon(
                                List.of(
                                    new GeoPoint(37.49, 139.92),
                                    new GeoPoint(37.5, 139.92),
                                    new GeoPoint(37.5, 139.94)))),
                        new Audience.WithinCircle(castle, 2.5)))));
    return new Notice(
        "n-every-kind",
        3,
        new Publisher("kodomo-ka", "こども家庭課", PublisherKind.DEPARTMENT),
        "072028",
        Category.CHILDCARE,
        Map.of("ja", "児童手当の申請"),
        Map.of("ja", "11月30日までに申請してください。"),
        "https://www.city.aizuwakamatsu.fukushima.jp/",
        castle,
        new Validity(AT, AT.plusSeconds(30 * 86400)),
        Severity.IMPORTANT,
        NoticeStatus.CHANGED,
        audience,
        AT);
  }

  /** A notice with only what validation requires: no url, location or body. */
  private static Notice withAudience(String id, Audience audience) {
    return new Notice(
        id,
        1,
        new Publisher("bousai", "危機管理課", PublisherKind.DEPARTMENT),
        "072028",
        Category.DISASTER,
        Map.of("ja", "避難指示", "en", "Evacuation order", "ja-x-easy", "にげてください"),
        null,
        null,
        null,
        new Validity(AT, AT.plusSeconds(86400)),
        Severity.EMERGENCY,
        NoticeStatus.PUBLISHED,
        audience,
        AT);
  }

  private static byte[] write(Notice notice) throws IOException {
    var out = new DataOutputSerializer(256);
    NoticeSerializer.INSTANCE.serialize(notice, out);
    return out.getCopyOfBuffer();
  }

  private static Notice read(NoticeSerializer serializer, byte[] bytes) throws IOException {
    var in = new DataInputDeserializer(bytes);
    Notice notice = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left unread").isZero();
    return notice;
  }

  @Test
  void aNoticeWithEveryKindOfAudienceReadsBackEqual() throws Exception {
    Notice notice = everyKind();

    assertThat(read(NoticeSerializer.INSTANCE, write(notice))).isEqualTo(notice);
  }

  @Test
  void randomAudiencesReadBackEqual() throws Exception {
    Random random = new Random(20261123);
    for (int i = 0; i < 500; i++) {
      Notice notice = withAudience("n-" + i, RandomAudiences.next(random, 3));

      assertThat(read(NoticeSerializer.INSTANCE, write(notice))).isEqualTo(notice);
    }
  }

  @Test
  void aCorrectionNamingAHazardReadsBackWithWhatItPutsRight() throws Exception {
    Notice notice = everyKind();
    Notice correction =
        new Notice(
            notice.id(),
            notice.version() + 1,
            notice.publisher(),
            notice.municipalityCode(),
            notice.category(),
            notice.title(),
            notice.body(),
            notice.url(),
            notice.location(),
            notice.validity(),
            notice.severity(),
            NoticeStatus.CORRECTED,
            notice.audience(),
            notice.publishedAt(),
            Map.of("ja", "締切は11月30日ではなく12月1日です。", "en", "The deadline is 1 December."),
            Hazard.FLOOD);

    assertThat(read(NoticeSerializer.INSTANCE, write(correction))).isEqualTo(correction);
  }

  @Test
  void theBinaryFormOfANoticeIsPinned() throws Exception {
    // Format 3. If this changes, checkpoints written before cannot be read: bump the snapshot's
    // version and read the old format instead of changing the pin.
    assertThat(Base64.getEncoder().encodeToString(write(everyKind()))).isEqualTo(PINNED_NOTICE);
  }

  @Test
  void format3IsFormat1FollowedByWhatACorrectionPutsRightAndTheHazard() throws Exception {
    byte[] noCorrection = {0, 0, 0, 0, 0}; // an empty map of texts (its count), no hazard (null)
    byte[] format1 = Base64.getDecoder().decode(PINNED_NOTICE_FORMAT_1);
    byte[] expected = Arrays.copyOf(format1, format1.length + noCorrection.length);
    System.arraycopy(noCorrection, 0, expected, format1.length, noCorrection.length);

    assertThat(write(everyKind())).isEqualTo(expected);
  }

  @Test
  void aCheckpointOfFormat2RestoresItsNoticesWithoutAHazardAndIsMigrated() throws Exception {
    TypeSerializerSnapshot<Notice> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(Base64.getDecoder().decode(PINNED_SNAPSHOT_FORMAT_2)),
            getClass().getClassLoader());

    assertThat(
            NoticeSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAfterMigration())
        .isTrue();
    assertThat(
            read(
                (NoticeSerializer) restored.restoreSerializer(),
                Base64.getDecoder().decode(PINNED_NOTICE_FORMAT_2)))
        .isEqualTo(everyKind());
  }

  @Test
  void aCheckpointOfFormat1RestoresItsNoticesAndIsMigrated() throws Exception {
    TypeSerializerSnapshot<Notice> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(Base64.getDecoder().decode(PINNED_SNAPSHOT_FORMAT_1)),
            getClass().getClassLoader());

    assertThat(
            NoticeSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAfterMigration())
        .as("Flink rewrites the old state in format 3")
        .isTrue();
    assertThat(
            read(
                (NoticeSerializer) restored.restoreSerializer(),
                Base64.getDecoder().decode(PINNED_NOTICE_FORMAT_1)))
        .isEqualTo(everyKind());
  }

  @Test
  void theSnapshotRestoresTheSerializerAndReadsWhatItWrote() throws Exception {
    var out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(
        out, NoticeSerializer.INSTANCE.snapshotConfiguration());
    byte[] snapshot = out.getCopyOfBuffer();
    TypeSerializerSnapshot<Notice> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(snapshot), getClass().getClassLoader());

    assertThat(Base64.getEncoder().encodeToString(snapshot))
        .as("the snapshot names its class and format 3: moving either breaks restores")
        .isEqualTo(PINNED_SNAPSHOT);
    assertThat(restored.restoreSerializer()).isEqualTo(NoticeSerializer.INSTANCE);
    assertThat(
            NoticeSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(restored)
                .isCompatibleAsIs())
        .isTrue();
    Notice notice = everyKind();
    assertThat(read((NoticeSerializer) restored.restoreSerializer(), write(notice)))
        .isEqualTo(notice);
  }

  @Test
  void aSnapshotOfAnUnknownFormatIsRefusedWithItsVersion() throws Exception {
    var out = new DataOutputSerializer(64);
    out.writeUTF(NoticeSerializer.Snapshot.class.getName());
    out.writeInt(4); // a format this job does not know
    var in = new DataInputDeserializer(out.getCopyOfBuffer());

    assertThatThrownBy(
            () -> TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("notice format 4 is unknown");
  }

  @Test
  void copyingBetweenViewsKeepsTheNotice() throws Exception {
    Notice notice = everyKind();
    var copy = new DataOutputSerializer(256);

    NoticeSerializer.INSTANCE.copy(new DataInputDeserializer(write(notice)), copy);

    assertThat(read(NoticeSerializer.INSTANCE, copy.getCopyOfBuffer())).isEqualTo(notice);
  }

  private static final String PINNED_NOTICE =
      "DW4tZXZlcnkta2luZAAAAAMBCmtvZG9tby1rYQfTYOlggmG2twGtvQGylQILREVQQVJUTUVOVAcwNzIwMjgKQ0hJTERDQVJFAAAAAQNqYQjQogHl9QHLxAHTvgHuYLPqAcuVAgAAAAEDamETMTGIzgEzMOXLAf5g52DrYLPqAcuVAtdg5mDPYOBg1WDEYIJgLWh0dHBzOi8vd3d3LmNpdHkuYWl6dXdha2FtYXRzdS5mdWt1c2hpbWEuanAvAUBCvmZmZmZmQGF9wBo24usBAQAAAABrA6wwAAAAAAEAAAAAays5MAAAAAAKSU1QT1JUQU5UCENIQU5HRUQBAgAAAAIBAAEBAAAACAEEBzA3MjAyOAEFAAAAAgWXpgGangGl2gG66gEDytwBuuoBAQYAAAASAAAAQAEHAAAAAAAAAAYBCApqYS14LWVhc3kBCQTQtgGygQLmYAEDAQoAAAADAUBCvrhR64UfQGF9cKPXCj0BQELAAAAAAABAYX1wo9cKPQFAQsAAAAAAAEBhfhR64UeuAQsBQEK+ZmZmZmZAYX3AGjbi60AEAAAAAAAAAQAAAABrA6wwAAAAAAAAAAAA";
  // Written by the job before corrections: checkpoints of that time hold notices like this.
  private static final String PINNED_NOTICE_FORMAT_1 =
      "DW4tZXZlcnkta2luZAAAAAMBCmtvZG9tby1rYQfTYOlggmG2twGtvQGylQILREVQQVJUTUVOVAcwNzIwMjgKQ0hJTERDQVJFAAAAAQNqYQjQogHl9QHLxAHTvgHuYLPqAcuVAgAAAAEDamETMTGIzgEzMOXLAf5g52DrYLPqAcuVAtdg5mDPYOBg1WDEYIJgLWh0dHBzOi8vd3d3LmNpdHkuYWl6dXdha2FtYXRzdS5mdWt1c2hpbWEuanAvAUBCvmZmZmZmQGF9wBo24usBAQAAAABrA6wwAAAAAAEAAAAAays5MAAAAAAKSU1QT1JUQU5UCENIQU5HRUQBAgAAAAIBAAEBAAAACAEEBzA3MjAyOAEFAAAAAgWXpgGangGl2gG66gEDytwBuuoBAQYAAAASAAAAQAEHAAAAAAAAAAYBCApqYS14LWVhc3kBCQTQtgGygQLmYAEDAQoAAAADAUBCvrhR64UfQGF9cKPXCj0BQELAAAAAAABAYX1wo9cKPQFAQsAAAAAAAEBhfhR64UeuAQsBQEK+ZmZmZmZAYX3AGjbi60AEAAAAAAAAAQAAAABrA6wwAAAAAA==";
  // Written by the job with corrections and before hazards.
  private static final String PINNED_NOTICE_FORMAT_2 =
      "DW4tZXZlcnkta2luZAAAAAMBCmtvZG9tby1rYQfTYOlggmG2twGtvQGylQILREVQQVJUTUVOVAcwNzIwMjgKQ0hJTERDQVJFAAAAAQNqYQjQogHl9QHLxAHTvgHuYLPqAcuVAgAAAAEDamETMTGIzgEzMOXLAf5g52DrYLPqAcuVAtdg5mDPYOBg1WDEYIJgLWh0dHBzOi8vd3d3LmNpdHkuYWl6dXdha2FtYXRzdS5mdWt1c2hpbWEuanAvAUBCvmZmZmZmQGF9wBo24usBAQAAAABrA6wwAAAAAAEAAAAAays5MAAAAAAKSU1QT1JUQU5UCENIQU5HRUQBAgAAAAIBAAEBAAAACAEEBzA3MjAyOAEFAAAAAgWXpgGangGl2gG66gEDytwBuuoBAQYAAAASAAAAQAEHAAAAAAAAAAYBCApqYS14LWVhc3kBCQTQtgGygQLmYAEDAQoAAAADAUBCvrhR64UfQGF9cKPXCj0BQELAAAAAAABAYX1wo9cKPQFAQsAAAAAAAEBhfhR64UeuAQsBQEK+ZmZmZmZAYX3AGjbi60AEAAAAAAAAAQAAAABrA6wwAAAAAAAAAAA=";
  // The class name, then format version 2.
  private static final String PINNED_SNAPSHOT_FORMAT_2 =
      "ADlpby5rYWlyYW4ucmVjb21tZW5kZXIuam9iLnR5cGVzLk5vdGljZVNlcmlhbGl6ZXIkU25hcHNob3QAAAAC";
  // The class name, then format version 3.
  private static final String PINNED_SNAPSHOT =
      "ADlpby5rYWlyYW4ucmVjb21tZW5kZXIuam9iLnR5cGVzLk5vdGljZVNlcmlhbGl6ZXIkU25hcHNob3QAAAAD";
  // The class name, then format version 1.
  private static final String PINNED_SNAPSHOT_FORMAT_1 =
      "ADlpby5rYWlyYW4ucmVjb21tZW5kZXIuam9iLnR5cGVzLk5vdGljZVNlcmlhbGl6ZXIkU25hcHNob3QAAAAB";
}
