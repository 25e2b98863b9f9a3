package io.kairan.ingest.alert;

import io.kairan.ingest.safety.SafeXml;
import io.kairan.ingest.safety.UnsafeInputException;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.MunicipalityCode;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * 気象警報・注意報 in 気象庁防災情報XML. For the importing municipality (its JMA area code is its JIS code's first
 * five digits and 00): a warning in force becomes a notice, a lifted one (解除) withdraws it, and "no
 * warnings" (発表警報・注意報はなし) withdraws them all.
 */
public final class JmaWarningConnector implements Connector {
  static final String MUNICIPAL_WARNINGS = "気象警報・注意報（市町村等）";
  private static final Set<String> TITLES = Set.of("気象警報・注意報", "気象特別警報・警報・注意報");
  private static final Set<String> IN_FORCE =
      Set.of("発表", "継続", "特別警報から警報", "特別警報から注意報", "警報から注意報", "警報から特別警報", "注意報から警報", "注意報から特別警報");

  /** A warning stays in feeds this long without news; JMA reports 解除 when it ends. */
  static final Duration RELEVANCE = Duration.ofHours(72);

  /**
   * A report with no item for the municipality is refused: a warning for another area must never
   * pass for one here, and the operator should see that this document said nothing for it.
   */
  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    Parsed parsed = read(document, context);
    if (parsed.read() == 0) {
      return Parsed.refused(
          "document",
          new String(document, 0, Math.min(document.length, 10_000), StandardCharsets.UTF_8),
          "no municipal warning item for JMA area "
              + areaCode(context.municipalityCode())
              + " (municipality "
              + context.municipalityCode()
              + ") in this report");
    }
    return parsed;
  }

  /** The report's items for the municipality; none (read 0) when the report is for elsewhere. */
  Parsed read(byte[] document, SourceContext context) {
    String raw = new String(document, 0, Math.min(document.length, 10_000), StandardCharsets.UTF_8);
    Element report;
    try {
      report = SafeXml.parse(document).getDocumentElement();
    } catch (UnsafeInputException e) {
      return Parsed.refused("document", raw, e.getMessage());
    }
    String title =
        Elements.child(report, "Control").flatMap(c -> Elements.text(c, "Title")).orElse("");
    if (!"Report".equals(report.getLocalName()) || !TITLES.contains(title)) {
      return Parsed.refused(
          "document", raw, "not a JMA 気象警報・注意報 report (Control/Title is '" + title + "')");
    }
    String areaCode = areaCode(context.municipalityCode());
    Element head = Elements.child(report, "Head").orElse(null);
    if (head == null) {
      return Parsed.refused("document", raw, "a JMA report needs a Head (with ReportDateTime)");
    }
    Instant reported;
    try {
      reported =
          Elements.text(head, "ReportDateTime")
              .map(t -> OffsetDateTime.parse(t).toInstant())
              .orElse(context.now());
    } catch (java.time.DateTimeException e) {
      return Parsed.refused("document", raw, "ReportDateTime is not a time: " + e.getMessage());
    }
    String office =
        Elements.child(report, "Control")
            .flatMap(c -> Elements.text(c, "PublishingOffice"))
            .orElse("気象庁");
    List<Item> items = new ArrayList<>();
    int read = 0;
    for (Element body : Elements.children(report, "Body")) {
      for (Element warning : Elements.children(body, "Warning")) {
        if (!MUNICIPAL_WARNINGS.equals(warning.getAttribute("type"))) {
          continue;
        }
        for (Element item : Elements.children(warning, "Item")) {
          String code =
              Elements.child(item, "Area").flatMap(a -> Elements.text(a, "Code")).orElse("");
          if (!code.equals(areaCode)) {
            continue;
          }
          read++;
          String areaName =
              Elements.child(item, "Area").flatMap(a -> Elements.text(a, "Name")).orElse(code);
          items.addAll(items(item, code, areaName, office, reported, context));
        }
      }
    }
    return new Parsed(read, items, List.of());
  }

  private static List<Item> items(
      Element item,
      String areaCode,
      String areaName,
      String office,
      Instant reported,
      SourceContext context) {
    List<Item> items = new ArrayList<>();
    String ref = "JMA " + areaCode;
    for (Element kind : Elements.children(item, "Kind")) {
      String status = Elements.text(kind, "Status").orElse("");
      String kindCode = Elements.text(kind, "Code").orElse(null);
      String name = Elements.text(kind, "Name").orElse(null);
      if (status.equals("発表警報・注意報はなし")) {
        items.add(
            new Item.WithdrawAll(prefix(areaCode), ref, "no warnings in force for " + areaName));
      } else if (kindCode == null || name == null) {
        continue;
      } else if (status.equals("解除")) {
        items.add(
            new Item.Withdraw(prefix(areaCode) + kindCode, ref, name + " lifted for " + areaName));
      } else if (IN_FORCE.contains(status)) {
        Notice notice =
            new Notice(
                prefix(areaCode) + kindCode,
                1,
                new Publisher(context.sourceName(), office, PublisherKind.FEED),
                context.municipalityCode(),
                Category.DISASTER,
                Map.of("ja", areaName + "に" + name + "が発表されています"),
                Map.of(
                    "ja",
                    office
                        + "が"
                        + areaName
                        + "に"
                        + name
                        + "を発表しています（"
                        + status
                        + "）。最新の気象情報に注意してください。"),
                "https://www.jma.go.jp/bosai/warning/",
                null,
                new Validity(reported, reported.plus(RELEVANCE)),
                name.contains("警報") ? Severity.EMERGENCY : Severity.IMPORTANT,
                NoticeStatus.PUBLISHED,
                new Audience.InMunicipality(context.municipalityCode()),
                context.now());
        notice = Hazards.of(name).map(notice::withHazard).orElse(notice);
        // Announced: a new notice (or a new version if it changed); continued: keep the one there
        // is.
        items.add(
            status.equals("継続") ? new Item.Ensure(notice, ref) : new Item.Publish(notice, ref));
      }
    }
    return items;
  }

  static String prefix(String areaCode) {
    return "jma-" + areaCode + "-";
  }

  /** 072028 (JIS X 0402) to 0720200 (JMA's municipal area code). */
  static String areaCode(String municipalityCode) {
    if (!MunicipalityCode.isValid(municipalityCode)) {
      throw new IllegalArgumentException(
          "JMA warnings need the municipality's JIS code, not " + municipalityCode);
    }
    return municipalityCode.substring(0, 5) + "00";
  }
}
