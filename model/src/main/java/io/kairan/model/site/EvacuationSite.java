package io.kairan.model.site;

import io.kairan.model.Problems;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.text.SafeText;
import java.util.List;
import java.util.Set;

/**
 * One site of the city's lists, keyed by the GSI's common id (共通ID).
 *
 * @param safeFor the hazards the site is flagged safe for (evacuation sites; empty for shelters)
 * @param accepts whom a shelter takes in besides everyone (受入対象者: 高齢者, 障がい者, 乳幼児その他…)
 */
public record EvacuationSite(
    String id,
    SiteKind kind,
    String municipalityCode,
    String name,
    String address,
    GeoPoint location,
    Set<Hazard> safeFor,
    Set<String> accepts) {

  public EvacuationSite {
    safeFor = safeFor == null ? Set.of() : Set.copyOf(safeFor);
    accepts = accepts == null ? Set.of() : Set.copyOf(accepts);
  }

  public List<String> problems() {
    var problems =
        new Problems()
            .notBlank(id, "id")
            .maxLength(id, 100, "id")
            .notNull(kind, "kind")
            .notBlank(name, "name")
            .maxLength(name, 200, "name")
            .maxLength(address, 300, "address")
            .notNull(location, "location")
            .maxSize(accepts, 20, "accepts")
            .require(
                name == null || SafeText.isPlainLine(name),
                "name",
                "must be one line of plain text")
            .require(
                address == null || SafeText.isPlainLine(address),
                "address",
                "must be one line of plain text");
    if (location != null) {
      problems.addAll("location", location.problems());
    }
    return problems.list();
  }
}
