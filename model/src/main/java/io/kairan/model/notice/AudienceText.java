package io.kairan.model.notice;

import io.kairan.model.InvalidRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable form of an audience, for people: {@code district in ["北会津町"] and childAge 0..6},
 * {@code age 65..130 or not language "ja"}, {@code circle 37.49 139.93 2.5}. {@link #format} and
 * {@link #parse} round-trip exactly; a parse error names the position.
 */
public final class AudienceText {
  private AudienceText() {}

  public static String format(Audience audience) {
    return format(audience, false);
  }

  private static String format(Audience a, boolean nested) {
    return a.accept(new Formatter(nested));
  }

  /** One audience in the readable form; a nested and/or is put in parentheses. */
  private record Formatter(boolean nested) implements Audience.Visitor<String> {
    @Override
    public String everyone(Audience.Everyone everyone) {
      return "everyone";
    }

    @Override
    public String allOf(Audience.AllOf all) {
      return group(join(all.all(), " and "), nested);
    }

    @Override
    public String anyOf(Audience.AnyOf any) {
      return group(join(any.any(), " or "), nested);
    }

    @Override
    public String not(Audience.Not not) {
      return "not " + format(not.not(), true);
    }

    @Override
    public String municipality(Audience.InMunicipality m) {
      return "municipality " + quote(m.code());
    }

    @Override
    public String district(Audience.InDistrict d) {
      return "district in ["
          + String.join(", ", d.districts().stream().map(AudienceText::quote).toList())
          + "]";
    }

    @Override
    public String age(Audience.AgeBetween r) {
      return "age " + r.min() + ".." + r.max();
    }

    @Override
    public String childAge(Audience.HasChildAgedBetween r) {
      return "childAge " + r.min() + ".." + r.max();
    }

    @Override
    public String language(Audience.Speaks s) {
      return "language " + quote(s.language());
    }

    @Override
    public String interest(Audience.InterestedIn i) {
      return "interest " + quote(i.interest());
    }

    @Override
    public String polygon(Audience.WithinPolygon p) {
      return "polygon ["
          + String.join(
              ", ",
              p.points().stream().map(pt -> number(pt.lat()) + " " + number(pt.lon())).toList())
          + "]";
    }

    @Override
    public String circle(Audience.WithinCircle c) {
      return "circle "
          + number(c.center().lat())
          + " "
          + number(c.center().lon())
          + " "
          + number(c.radiusKm());
    }
  }

  private static String join(List<Audience> parts, String operator) {
    return String.join(operator, parts.stream().map(p -> format(p, true)).toList());
  }

  private static String group(String text, boolean nested) {
    return nested ? "(" + text + ")" : text;
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /**
   * Parses the readable form; throws an InvalidRecordException naming the position of the error.
   */
  public static Audience parse(String text) {
    Parser parser = new Parser(text);
    Audience audience = parser.expression();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected '" + parser.rest() + "'");
    }
    return audience;
  }

  private static final class Parser {
    private final String text;
    private int pos;
    private int depth;

    Parser(String text) {
      this.text = text == null ? "" : text;
    }

    Audience expression() {
      if (++depth > 2 * Audience.MAX_DEPTH) {
        throw error("nests too deeply");
      }
      List<Audience> any = new ArrayList<>(List.of(conjunction()));
      while (keyword("or")) {
        any.add(conjunction());
      }
      depth--;
      return any.size() == 1 ? any.get(0) : new Audience.AnyOf(any);
    }

    private Audience conjunction() {
      List<Audience> all = new ArrayList<>(List.of(unary()));
      while (keyword("and")) {
        all.add(unary());
      }
      return all.size() == 1 ? all.get(0) : new Audience.AllOf(all);
    }

    private Audience unary() {
      skipSpace();
      if (keyword("not")) {
        // "not not not …" nests without parentheses: counted like them, so no input can
        // overflow the stack.
        if (++depth > 2 * Audience.MAX_DEPTH) {
          throw error("nests too deeply");
        }
        Audience negated = new Audience.Not(unary());
        depth--;
        return negated;
      }
      if (symbol("(")) {
        Audience inner = expression();
        expect(")");
        return inner;
      }
      int start = pos;
      String word = word();
      return switch (word) {
        case "everyone" -> new Audience.Everyone();
        case "municipality" -> new Audience.InMunicipality(string());
        case "district" -> {
          if (!keyword("in")) {
            throw error("expected 'in' after district");
          }
          yield new Audience.InDistrict(stringList());
        }
        case "age" -> range((min, max) -> new Audience.AgeBetween(min, max));
        case "childAge" -> range((min, max) -> new Audience.HasChildAgedBetween(min, max));
        case "language" -> new Audience.Speaks(string());
        case "interest" -> new Audience.InterestedIn(string());
        case "polygon" -> new Audience.WithinPolygon(points());
        case "circle" -> new Audience.WithinCircle(new GeoPoint(number(), number()), number());
        default -> {
          pos = start;
          throw error(word.isEmpty() ? "expected an audience" : "unknown audience '" + word + "'");
        }
      };
    }

    private interface RangeFactory {
      Audience of(int min, int max);
    }

    private Audience range(RangeFactory factory) {
      int min = integer();
      expect("..");
      return factory.of(min, integer());
    }

    private List<String> stringList() {
      expect("[");
      List<String> values = new ArrayList<>(List.of(string()));
      while (symbol(",")) {
        values.add(string());
      }
      expect("]");
      return values;
    }

    private List<GeoPoint> points() {
      expect("[");
      List<GeoPoint> points = new ArrayList<>(List.of(new GeoPoint(number(), number())));
      while (symbol(",")) {
        points.add(new GeoPoint(number(), number()));
      }
      expect("]");
      return points;
    }

    private String string() {
      skipSpace();
      if (atEnd() || text.charAt(pos) != '"') {
        throw error("expected a quoted string");
      }
      StringBuilder out = new StringBuilder();
      for (pos++; pos < text.length(); pos++) {
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return out.toString();
        }
        if (c == '\\' && pos + 1 < text.length()) {
          c = text.charAt(++pos);
        }
        out.append(c);
      }
      throw error("unterminated string");
    }

    private int integer() {
      skipSpace();
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a whole number");
      }
      return Integer.parseInt(text.substring(start, pos));
    }

    private double number() {
      skipSpace();
      int start = pos;
      while (pos < text.length()
          && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0
          && !text.startsWith("..", pos)) {
        pos++;
      }
      try {
        return Double.parseDouble(text.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("expected a number");
      }
    }

    private String word() {
      skipSpace();
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private boolean keyword(String k) {
      skipSpace();
      int end = pos + k.length();
      if (text.startsWith(k, pos)
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        pos = end;
        return true;
      }
      return false;
    }

    private boolean symbol(String s) {
      skipSpace();
      if (text.startsWith(s, pos)) {
        pos += s.length();
        return true;
      }
      return false;
    }

    private void expect(String s) {
      if (!symbol(s)) {
        throw error("expected '" + s + "'");
      }
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    String rest() {
      return text.substring(pos, Math.min(text.length(), pos + 20));
    }

    InvalidRecordException error(String message) {
      return new InvalidRecordException(
          List.of("audience: at position " + (pos + 1) + ": " + message));
    }
  }
}
