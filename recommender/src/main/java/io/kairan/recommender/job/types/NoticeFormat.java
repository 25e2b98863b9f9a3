package io.kairan.recommender.job.types;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The binary form of a notice in Flink's state and between its operators (format 3: format 1, then
 * what a correction puts right — format 2 ends there — and the hazard). Enums travel by name, so
 * reordering constants never changes what a checkpoint means; every object that may be absent has a
 * presence byte. A change of this layout needs a new snapshot version.
 */
final class NoticeFormat {
  // One tag per kind of audience: the numbers are the format and never change meaning.
  static final int EVERYONE = 0;
  static final int ALL_OF = 1;
  static final int ANY_OF = 2;
  static final int NOT = 3;
  static final int MUNICIPALITY = 4;
  static final int DISTRICT = 5;
  static final int AGE = 6;
  static final int CHILD_AGE = 7;
  static final int LANGUAGE = 8;
  static final int INTEREST = 9;
  static final int POLYGON = 10;
  static final int CIRCLE = 11;

  private NoticeFormat() {}

  static void write(Notice n, DataOutputView out) throws IOException {
    StringValue.writeString(n.id(), out);
    out.writeInt(n.version());
    if (present(n.publisher(), out)) {
      StringValue.writeString(n.publisher().id(), out);
      StringValue.writeString(n.publisher().name(), out);
      writeEnum(n.publisher().kind(), out);
    }
    StringValue.writeString(n.municipalityCode(), out);
    writeEnum(n.category(), out);
    writeTexts(n.title(), out);
    writeTexts(n.body(), out);
    StringValue.writeString(n.url(), out);
    writePoint(n.location(), out);
    if (present(n.validity(), out)) {
      writeInstant(n.validity().from(), out);
      writeInstant(n.validity().until(), out);
    }
    writeEnum(n.severity(), out);
    writeEnum(n.status(), out);
    writeAudience(n.audience(), out);
    writeInstant(n.publishedAt(), out);
    writeTexts(n.correction(), out);
    writeEnum(n.hazard(), out);
  }

  static Notice read(DataInputView in) throws IOException {
    return read(in, NoticeSerializer.Snapshot.FORMAT);
  }

  /**
   * Reads a notice written in {@code format}: 1 is the layout before corrections, 2 before hazards.
   */
  static Notice read(DataInputView in, int format) throws IOException {
    String id = StringValue.readString(in);
    int version = in.readInt();
    Publisher publisher =
        in.readBoolean()
            ? new Publisher(
                StringValue.readString(in),
                StringValue.readString(in),
                readEnum(PublisherKind.class, in))
            : null;
    String municipalityCode = StringValue.readString(in);
    Category category = readEnum(Category.class, in);
    Map<String, String> title = readTexts(in);
    Map<String, String> body = readTexts(in);
    String url = StringValue.readString(in);
    GeoPoint location = readPoint(in);
    Validity validity = in.readBoolean() ? new Validity(readInstant(in), readInstant(in)) : null;
    Severity severity = readEnum(Severity.class, in);
    NoticeStatus status = readEnum(NoticeStatus.class, in);
    Audience audience = readAudience(in);
    Instant publishedAt = readInstant(in);
    Map<String, String> correction = format >= 2 ? readTexts(in) : Map.of();
    Hazard hazard = format >= 3 ? readEnum(Hazard.class, in) : null;
    return new Notice(
        id,
        version,
        publisher,
        municipalityCode,
        category,
        title,
        body,
        url,
        location,
        validity,
        severity,
        status,
        audience,
        publishedAt,
        correction,
        hazard);
  }

  static void writeAudience(Audience audience, DataOutputView out) throws IOException {
    if (present(audience, out)) {
      try {
        audience.accept(new AudienceWriter(out));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  static Audience readAudience(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int tag = in.readByte();
    return switch (tag) {
      case EVERYONE -> new Audience.Everyone();
      case ALL_OF -> new Audience.AllOf(readParts(in));
      case ANY_OF -> new Audience.AnyOf(readParts(in));
      case NOT -> new Audience.Not(readAudience(in));
      case MUNICIPALITY -> new Audience.InMunicipality(StringValue.readString(in));
      case DISTRICT -> new Audience.InDistrict(readStrings(in));
      case AGE -> new Audience.AgeBetween(in.readInt(), in.readInt());
      case CHILD_AGE -> new Audience.HasChildAgedBetween(in.readInt(), in.readInt());
      case LANGUAGE -> new Audience.Speaks(StringValue.readString(in));
      case INTEREST -> new Audience.InterestedIn(StringValue.readString(in));
      case POLYGON -> new Audience.WithinPolygon(readPoints(in));
      case CIRCLE -> new Audience.WithinCircle(readPoint(in), in.readDouble());
      default -> throw new IOException("unknown audience tag " + tag + " (format 1 has 0 to 11)");
    };
  }

  private static List<GeoPoint> readPoints(DataInputView in) throws IOException {
    int size = in.readInt();
    var points = new ArrayList<GeoPoint>(size);
    for (int i = 0; i < size; i++) {
      points.add(readPoint(in));
    }
    return points;
  }

  /** Writes one audience with its tag; a visitor, so a new kind cannot be left without a tag. */
  private record AudienceWriter(DataOutputView out) implements Audience.Visitor<Void> {
    @Override
    public Void everyone(Audience.Everyone everyone) {
      return tag(EVERYONE);
    }

    @Override
    public Void allOf(Audience.AllOf allOf) {
      tag(ALL_OF);
      return parts(allOf.all());
    }

    @Override
    public Void anyOf(Audience.AnyOf anyOf) {
      tag(ANY_OF);
      return parts(anyOf.any());
    }

    @Override
    public Void not(Audience.Not not) {
      tag(NOT);
      return io(() -> writeAudience(not.not(), out));
    }

    @Override
    public Void municipality(Audience.InMunicipality m) {
      tag(MUNICIPALITY);
      return io(() -> StringValue.writeString(m.code(), out));
    }

    @Override
    public Void district(Audience.InDistrict d) {
      tag(DISTRICT);
      return io(() -> writeStrings(d.districts(), out));
    }

    @Override
    public Void age(Audience.AgeBetween r) {
      tag(AGE);
      return range(r.min(), r.max());
    }

    @Override
    public Void childAge(Audience.HasChildAgedBetween r) {
      tag(CHILD_AGE);
      return range(r.min(), r.max());
    }

    @Override
    public Void language(Audience.Speaks s) {
      tag(LANGUAGE);
      return io(() -> StringValue.writeString(s.language(), out));
    }

    @Override
    public Void interest(Audience.InterestedIn i) {
      tag(INTEREST);
      return io(() -> StringValue.writeString(i.interest(), out));
    }

    @Override
    public Void polygon(Audience.WithinPolygon p) {
      tag(POLYGON);
      return io(
          () -> {
            out.writeInt(p.points().size());
            for (GeoPoint point : p.points()) {
              writePoint(point, out);
            }
          });
    }

    @Override
    public Void circle(Audience.WithinCircle c) {
      tag(CIRCLE);
      return io(
          () -> {
            writePoint(c.center(), out);
            out.writeDouble(c.radiusKm());
          });
    }

    private Void tag(int tag) {
      return io(() -> out.writeByte(tag));
    }

    private Void range(int min, int max) {
      return io(
          () -> {
            out.writeInt(min);
            out.writeInt(max);
          });
    }

    private Void parts(List<Audience> parts) {
      return io(
          () -> {
            out.writeInt(parts.size());
            for (Audience part : parts) {
              writeAudience(part, out);
            }
          });
    }

    private static Void io(Write write) {
      try {
        write.run();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private interface Write {
    void run() throws IOException;
  }

  private static List<Audience> readParts(DataInputView in) throws IOException {
    int size = in.readInt();
    var parts = new ArrayList<Audience>(size);
    for (int i = 0; i < size; i++) {
      parts.add(readAudience(in));
    }
    return parts;
  }

  private static boolean present(Object value, DataOutputView out) throws IOException {
    out.writeBoolean(value != null);
    return value != null;
  }

  private static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
    StringValue.writeString(value == null ? null : value.name(), out);
  }

  private static <E extends Enum<E>> E readEnum(Class<E> type, DataInputView in)
      throws IOException {
    String name = StringValue.readString(in);
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static void writeInstant(Instant at, DataOutputView out) throws IOException {
    if (present(at, out)) {
      out.writeLong(at.getEpochSecond());
      out.writeInt(at.getNano());
    }
  }

  private static Instant readInstant(DataInputView in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  private static void writePoint(GeoPoint point, DataOutputView out) throws IOException {
    if (present(point, out)) {
      out.writeDouble(point.lat());
      out.writeDouble(point.lon());
    }
  }

  private static GeoPoint readPoint(DataInputView in) throws IOException {
    return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
  }

  private static void writeTexts(Map<String, String> texts, DataOutputView out) throws IOException {
    out.writeInt(texts.size());
    for (var text : texts.entrySet()) {
      StringValue.writeString(text.getKey(), out);
      StringValue.writeString(text.getValue(), out);
    }
  }

  private static Map<String, String> readTexts(DataInputView in) throws IOException {
    int size = in.readInt();
    var texts = new LinkedHashMap<String, String>(size * 2);
    for (int i = 0; i < size; i++) {
      texts.put(StringValue.readString(in), StringValue.readString(in));
    }
    return texts;
  }

  private static void writeStrings(List<String> values, DataOutputView out) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      StringValue.writeString(value, out);
    }
  }

  private static List<String> readStrings(DataInputView in) throws IOException {
    int size = in.readInt();
    var values = new ArrayList<String>(size);
    for (int i = 0; i < size; i++) {
      values.add(StringValue.readString(in));
    }
    return values;
  }
}
