// The readable form of an audience, as io.kairan.model.notice.AudienceText writes and reads it:
// the same grammar, the same output and the same error messages with their positions, so what a
// publisher types here is what the model would read (StaffPagesIT compares the two). The API
// takes the audience as JSON; this turns one into the other in the browser.
"use strict";

const AudienceText = (() => {
  const MAX_DEPTH = 8;

  function quote(s) {
    return '"' + s.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
  }

  // Java's Long.toString for whole numbers, Double.toString otherwise (the same for the
  // coordinates and radii a city uses).
  function number(d) {
    return Number.isInteger(d) && Math.abs(d) < 1e15 ? String(d) : String(d);
  }

  function format(a, nested) {
    switch (a.type) {
      case "everyone":
        return "everyone";
      case "allOf":
        return group(a.all.map((p) => format(p, true)).join(" and "), nested);
      case "anyOf":
        return group(a.any.map((p) => format(p, true)).join(" or "), nested);
      case "not":
        return "not " + format(a.not, true);
      case "municipality":
        return "municipality " + quote(a.code);
      case "district":
        return "district in [" + a.districts.map(quote).join(", ") + "]";
      case "age":
        return "age " + a.min + ".." + a.max;
      case "childAge":
        return "childAge " + a.min + ".." + a.max;
      case "language":
        return "language " + quote(a.language);
      case "interest":
        return "interest " + quote(a.interest);
      case "polygon":
        return "polygon [" + a.points.map((p) => number(p.lat) + " " + number(p.lon)).join(", ") + "]";
      case "circle":
        return "circle " + number(a.center.lat) + " " + number(a.center.lon) + " " + number(a.radiusKm);
      default:
        throw new Error("unknown audience type " + a.type);
    }
  }

  function group(text, nested) {
    return nested ? "(" + text + ")" : text;
  }

  /** A parse error: the message names the position, as the model's does. */
  class AudienceError extends Error {}

  function parse(input) {
    const text = input == null ? "" : String(input);
    let pos = 0;
    let depth = 0;
    const isSpace = (c) => /\s/.test(c);
    const isLetter = (c) => /\p{L}/u.test(c);
    const isLetterOrDigit = (c) => /[\p{L}\p{Nd}]/u.test(c);
    const error = (message) => new AudienceError("audience: at position " + (pos + 1) + ": " + message);
    const atEnd = () => pos >= text.length;
    const skipSpace = () => {
      while (pos < text.length && isSpace(text[pos])) pos++;
    };
    const keyword = (k) => {
      skipSpace();
      const end = pos + k.length;
      if (text.startsWith(k, pos) && (end === text.length || !isLetterOrDigit(text[end]))) {
        pos = end;
        return true;
      }
      return false;
    };
    const symbol = (s) => {
      skipSpace();
      if (text.startsWith(s, pos)) {
        pos += s.length;
        return true;
      }
      return false;
    };
    const expect = (s) => {
      if (!symbol(s)) throw error("expected '" + s + "'");
    };
    const word = () => {
      skipSpace();
      const start = pos;
      while (pos < text.length && isLetter(text[pos])) pos++;
      return text.substring(start, pos);
    };
    const string = () => {
      skipSpace();
      if (atEnd() || text[pos] !== '"') throw error("expected a quoted string");
      let out = "";
      for (pos++; pos < text.length; pos++) {
        let c = text[pos];
        if (c === '"') {
          pos++;
          return out;
        }
        if (c === "\\" && pos + 1 < text.length) c = text[++pos];
        out += c;
      }
      throw error("unterminated string");
    };
    const integer = () => {
      skipSpace();
      const start = pos;
      while (pos < text.length && /[0-9]/.test(text[pos])) pos++;
      if (start === pos) throw error("expected a whole number");
      return parseInt(text.substring(start, pos), 10);
    };
    const num = () => {
      skipSpace();
      const start = pos;
      while (pos < text.length && "+-.0123456789eE".includes(text[pos]) && !text.startsWith("..", pos)) pos++;
      const s = text.substring(start, pos);
      // Java's Double.parseDouble: the whole text must be a number.
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
        pos = start;
        throw error("expected a number");
      }
      return Number(s);
    };
    const range = (type) => {
      const min = integer();
      expect("..");
      return { type, min, max: integer() };
    };
    const list = (item) => {
      expect("[");
      const values = [item()];
      while (symbol(",")) values.push(item());
      expect("]");
      return values;
    };
    const point = () => ({ lat: num(), lon: num() });

    function expression() {
      if (++depth > 2 * MAX_DEPTH) throw error("nests too deeply");
      const any = [conjunction()];
      while (keyword("or")) any.push(conjunction());
      depth--;
      return any.length === 1 ? any[0] : { type: "anyOf", any };
    }

    function conjunction() {
      const all = [unary()];
      while (keyword("and")) all.push(unary());
      return all.length === 1 ? all[0] : { type: "allOf", all };
    }

    function unary() {
      skipSpace();
      if (keyword("not")) {
        if (++depth > 2 * MAX_DEPTH) throw error("nests too deeply");
        const negated = { type: "not", not: unary() };
        depth--;
        return negated;
      }
      if (symbol("(")) {
        const inner = expression();
        expect(")");
        return inner;
      }
      const start = pos;
      const w = word();
      switch (w) {
        case "everyone":
          return { type: "everyone" };
        case "municipality":
          return { type: "municipality", code: string() };
        case "district":
          if (!keyword("in")) throw error("expected 'in' after district");
          return { type: "district", districts: list(string) };
        case "age":
          return range("age");
        case "childAge":
          return range("childAge");
        case "language":
          return { type: "language", language: string() };
        case "interest":
          return { type: "interest", interest: string() };
        case "polygon":
          return { type: "polygon", points: list(point) };
        case "circle": {
          const center = point();
          return { type: "circle", center, radiusKm: num() };
        }
        default:
          pos = start;
          throw error(w === "" ? "expected an audience" : "unknown audience '" + w + "'");
      }
    }

    const audience = expression();
    skipSpace();
    if (!atEnd()) throw error("unexpected '" + text.substring(pos, Math.min(text.length, pos + 20)) + "'");
    return audience;
  }

  return { format: (a) => format(a, false), parse, AudienceError };
})();
