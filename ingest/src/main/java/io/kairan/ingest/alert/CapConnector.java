package io.kairan.ingest.alert;

import io.kairan.ingest.safety.CleanText;
import io.kairan.ingest.safety.SafeXml;
import io.kairan.ingest.safety.UnsafeInputException;
import io.kairan.ingest.source.Connector;
import io.kairan.ingest.source.Item;
import io.kairan.ingest.source.NoticeIds;
import io.kairan.ingest.source.Parsed;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * CAP 1.2 alerts. An Alert is a new notice; an Update is a new version of the alert it references;
 * a Cancel withdraws it. Each {@code <info>} is a language. The {@code <area>}s must place the
 * alert in the importing municipality ({@link AreaResolver}); an alert they place nowhere is
 * refused, never sent to everyone.
 */
public final class CapConnector implements Connector {
  static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
  private static final Set<String> DISASTER_CATEGORIES =
      Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Env", "Infra", "CBRNE");

  private final MunicipalityArea area;

  /**
   * @param area the towns of the municipality imported for; another municipality is taken as one
   *     whose towns are unknown, so only its JIS code places an alert there
   */
  public CapConnector(MunicipalityArea area) {
    this.area = area;
  }

  @Override
  public Parsed parse(byte[] document, SourceContext context) {
    String raw = new String(document, 0, Math.min(document.length, 10_000), StandardCharsets.UTF_8);
    Element alert;
    try {
      alert = SafeXml.parse(document).getDocumentElement();
    } catch (UnsafeInputException e) {
      return Parsed.refused("document", raw, e.getMessage());
    }
    if (!"alert".equals(alert.getLocalName()) || !NAMESPACE.equals(alert.getNamespaceURI())) {
      return Parsed.refused(
          "document", raw, "not a CAP 1.2 alert (root must be alert in " + NAMESPACE + ")");
    }
    String identifier = Elements.text(alert, "identifier").orElse(null);
    String sender = Elements.text(alert, "sender").orElse(null);
    String status = Elements.text(alert, "status").orElse("");
    String msgType = Elements.text(alert, "msgType").orElse("");
    if (identifier == null || sender == null) {
      return Parsed.refused("document", raw, "a CAP alert needs identifier and sender");
    }
    String ref = sender + "," + identifier;
    if (!status.equals("Actual")) {
      return Parsed.refused(ref, raw, "status " + status + " is not for residents (only Actual)");
    }
    String noticeId = noticeId(alert, sender, identifier, msgType);
    try {
      return switch (msgType) {
        case "Cancel" ->
            new Parsed(
                1, List.of(new Item.Withdraw(noticeId, ref, "cancelled by " + ref)), List.of());
        case "Alert", "Update" -> publish(alert, noticeId, ref, raw, context);
        default -> Parsed.refused(ref, raw, "msgType " + msgType + " carries no notice");
      };
    } catch (RuntimeException e) {
      // Malformed times, coordinates or radii: the message is refused whole, with the reason.
      return Parsed.refused(ref, raw, "malformed CAP value: " + e.getMessage());
    }
  }

  /** An Update or Cancel continues the alert it references first: the original of the chain. */
  private static String noticeId(Element alert, String sender, String identifier, String msgType) {
    String references = Elements.text(alert, "references").orElse("");
    if (!msgType.equals("Alert") && !references.isBlank()) {
      String[] first = references.split("\\s+")[0].split(",");
      if (first.length >= 2) {
        return NoticeIds.of("cap", first[0], first[1]);
      }
    }
    return NoticeIds.of("cap", sender, identifier);
  }

  private Parsed publish(
      Element alert, String noticeId, String ref, String raw, SourceContext context) {
    List<Element> infos = Elements.children(alert, "info");
    if (infos.isEmpty()) {
      return Parsed.refused(ref, raw, "a CAP alert needs at least one info block");
    }
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    Severity severity = Severity.INFO;
    List<Element> areas = new ArrayList<>();
    Instant sent = Elements.text(alert, "sent").map(CapValues::time).orElse(context.now());
    Instant from = sent;
    Instant until = sent.plus(Duration.ofHours(24));
    Category category = Category.DISASTER;
    Hazard hazard = null;
    for (int i = 0; i < infos.size(); i++) {
      Element info = infos.get(i);
      String language = Elements.text(info, "language").orElse("en-US");
      String title =
          CleanText.of(
              Elements.text(info, "headline").or(() -> Elements.text(info, "event")).orElse(""),
              Notice.MAX_TITLE);
      if (title != null) {
        titles.putIfAbsent(language, title);
      }
      String body =
          CleanText.of(
              String.join(
                  "\n\n",
                  Elements.text(info, "description").orElse(""),
                  Elements.text(info, "instruction").orElse("")),
              Notice.MAX_BODY);
      if (body != null) {
        bodies.putIfAbsent(language, body);
      }
      Severity s = severity(info);
      severity = s.compareTo(severity) > 0 ? s : severity;
      if (hazard == null) {
        hazard =
            Hazards.of(
                    Elements.text(info, "event").orElse(null),
                    Elements.text(info, "headline").orElse(null),
                    Elements.text(info, "category").orElse(null))
                .orElse(null);
      }
      if (i == 0) {
        category = category(Elements.text(info, "category").orElse("Other"));
        from =
            Elements.text(info, "effective")
                .or(() -> Elements.text(info, "onset"))
                .map(CapValues::time)
                .orElse(sent);
        until = Elements.text(info, "expires").map(CapValues::time).orElse(until);
        // Every language block describes the same areas; the first one's are the audience.
        areas.addAll(Elements.children(info, "area"));
      }
    }
    if (titles.isEmpty()) {
      return Parsed.refused(ref, raw, "no headline or event in any info block");
    }
    MunicipalityArea here =
        area.code().equals(context.municipalityCode())
            ? area
            : MunicipalityArea.unknown(context.municipalityCode());
    // Java 17 has no pattern switch; Placement has exactly these two cases.
    Placement placement = new AreaResolver(here).resolve(areas);
    if (placement instanceof Placement.Nowhere nowhere) {
      return Parsed.refused(ref, raw, nowhere.reason());
    }
    Audience audience = ((Placement.Placed) placement).audience();
    String sender = Elements.text(alert, "sender").orElse(context.sourceName());
    Notice notice =
        new Notice(
            noticeId,
            1,
            new Publisher(context.sourceName(), sender, PublisherKind.FEED),
            context.municipalityCode(),
            category,
            titles,
            bodies,
            null,
            null,
            new Validity(from, until.isAfter(from) ? until : from.plus(Duration.ofHours(1))),
            severity,
            NoticeStatus.PUBLISHED,
            audience,
            context.now());
    if (hazard != null) {
      notice = notice.withHazard(hazard);
    }
    return new Parsed(1, List.of(new Item.Publish(notice, ref)), List.of());
  }

  /** Extreme, or Severe and imminent, is an emergency; an unlikely threat is information only. */
  static Severity severity(Element info) {
    String severity = Elements.text(info, "severity").orElse("Unknown");
    String urgency = Elements.text(info, "urgency").orElse("Unknown");
    String certainty = Elements.text(info, "certainty").orElse("Unknown");
    if (certainty.equals("Unlikely") || urgency.equals("Past")) {
      return Severity.INFO;
    }
    return switch (severity) {
      case "Extreme" -> Severity.EMERGENCY;
      case "Severe" ->
          urgency.equals("Immediate") || urgency.equals("Expected")
              ? Severity.EMERGENCY
              : Severity.IMPORTANT;
      case "Moderate" -> Severity.IMPORTANT;
      default -> Severity.INFO;
    };
  }

  static Category category(String capCategory) {
    if (DISASTER_CATEGORIES.contains(capCategory)) {
      return Category.DISASTER;
    }
    return switch (capCategory) {
      case "Health" -> Category.HEALTH;
      case "Transport" -> Category.TRANSPORT;
      default -> Category.ADMINISTRATION;
    };
  }
}
