package io.kairan.ingest.site;

import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One GSI CSV: 指定緊急避難場所 (a column per hazard, "1" where the site is safe for it) or 指定避難所 (受入対象者:
 * whom it takes in). Columns are found by their header, so a city's file with another column order
 * or extra columns reads the same; a row without a readable id, name or point is refused with its
 * line and the reason, and the others are kept.
 */
public final class GsiSiteFile {
  /** A city's list is a few thousand rows at most; anything far larger is not such a file. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  static final String ID = "共通ID";
  static final String NAME = "施設・場所名";
  static final String ADDRESS = "住所";
  static final String ACCEPTS = "受入対象者";
  static final String LAT = "lat";
  static final String LON = "lon";
  private static final Map<String, String> ALIASES = Map.of("緯度", LAT, "経度", LON);

  /** A row refused: its line in the file and why. */
  public record Refused(long line, String id, String reason) {}

  /** What a file gave. */
  public record Read(List<EvacuationSite> sites, List<Refused> refused) {}

  private GsiSiteFile() {}

  public static Read read(byte[] file, SiteKind kind, String municipalityCode) throws IOException {
    if (file.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "the file has " + file.length + " bytes; a GSI site list has at most " + MAX_BYTES);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(file))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(
          "the file is not UTF-8 (a Shift_JIS file: convert it first, e.g. iconv -f CP932 -t UTF-8)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var sites = new ArrayList<EvacuationSite>();
    var refused = new ArrayList<Refused>();
    var parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .get()
            .parse(new StringReader(text));
    Map<String, Integer> header = new HashMap<>();
    parser.getHeaderMap().forEach((name, index) -> header.put(name.strip(), index));
    // Other publications of the same GSI data name the point in Japanese.
    ALIASES.forEach(
        (alias, column) -> {
          if (!header.containsKey(column) && header.containsKey(alias)) {
            header.put(column, header.get(alias));
          }
        });
    for (String required : List.of(ID, NAME, LAT, LON)) {
      if (!header.containsKey(required)) {
        throw new IllegalArgumentException(
            "not a GSI site list: no column " + required + " (columns: " + header.keySet() + ")");
      }
    }
    Set<Hazard> hazardColumns = EnumSet.noneOf(Hazard.class);
    header.keySet().forEach(name -> Hazard.ofGsiColumn(name).ifPresent(hazardColumns::add));
    if (kind == SiteKind.EVACUATION_SITE && hazardColumns.isEmpty()) {
      throw new IllegalArgumentException("not a list of 指定緊急避難場所: no hazard column (洪水, 地震, 津波…)");
    }
    Set<String> seen = new java.util.HashSet<>();
    var rows = parser.iterator();
    while (true) {
      CSVRecord row;
      try {
        if (!rows.hasNext()) {
          break;
        }
        row = rows.next();
      } catch (java.io.UncheckedIOException e) {
        // A quote never closed: the rest of the file is one broken cell.
        refused.add(
            new Refused(
                parser.getCurrentLineNumber(),
                "",
                "the file breaks off here (a quote never closed): " + e.getCause().getMessage()));
        break;
      }
      String id = cell(row, header, ID);
      try {
        EvacuationSite site = site(row, header, kind, municipalityCode, hazardColumns);
        if (!seen.add(site.id())) {
          refused.add(new Refused(row.getRecordNumber() + 1, id, "the id appears twice"));
          continue;
        }
        sites.add(site);
      } catch (IllegalArgumentException e) {
        refused.add(new Refused(row.getRecordNumber() + 1, id, e.getMessage()));
      }
    }
    return new Read(sites, refused);
  }

  private static EvacuationSite site(
      CSVRecord row,
      Map<String, Integer> header,
      SiteKind kind,
      String municipalityCode,
      Set<Hazard> hazardColumns) {
    String commonId = cell(row, header, ID);
    if (commonId.isEmpty()) {
      throw new IllegalArgumentException(ID + " is empty");
    }
    Set<Hazard> safeFor = EnumSet.noneOf(Hazard.class);
    for (Hazard hazard : hazardColumns) {
      if (cell(row, header, hazard.gsiColumn()).equals("1")) {
        safeFor.add(hazard);
      }
    }
    Set<String> accepts = new LinkedHashSet<>();
    Arrays.stream(cell(row, header, ACCEPTS).split("[、,，・/\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(accepts::add);
    EvacuationSite site =
        new EvacuationSite(
            idOf(kind, commonId),
            kind,
            municipalityCode,
            cell(row, header, NAME),
            emptyToNull(cell(row, header, ADDRESS)),
            new GeoPoint(number(row, header, LAT), number(row, header, LON)),
            kind == SiteKind.EVACUATION_SITE ? safeFor : Set.of(),
            kind == SiteKind.SHELTER ? accepts : Set.of());
    List<String> problems = site.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return site;
  }

  /**
   * The site's key on sites.v1: the kind and the GSI's common id, since one place may be on both
   * lists under the same common id.
   */
  public static String idOf(SiteKind kind, String commonId) {
    return (kind == SiteKind.EVACUATION_SITE ? "evacuation-" : "shelter-") + commonId;
  }

  private static String cell(CSVRecord row, Map<String, Integer> header, String column) {
    Integer index = header.get(column);
    return index == null || index >= row.size() ? "" : row.get(index).strip();
  }

  private static double number(CSVRecord row, Map<String, Integer> header, String column) {
    String text = cell(row, header, column);
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + text + "' is not a number");
    }
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
