package io.kairan.recommender.site;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A resident's accessibility needs (free tags in the profile, in English or Japanese) as the groups
 * a shelter lists under 受入対象者. Any need at all also matches 要配慮者 ("people who need consideration"),
 * the list's general group.
 */
final class Needs {
  static final String GENERAL = "要配慮者";

  private static final Map<String, String> GROUPS =
      Map.ofEntries(
          Map.entry("elderly", "高齢者"),
          Map.entry("高齢者", "高齢者"),
          Map.entry("disability", "障がい者"),
          Map.entry("wheelchair", "障がい者"),
          Map.entry("visual", "障がい者"),
          Map.entry("hearing", "障がい者"),
          Map.entry("障がい者", "障がい者"),
          Map.entry("障害者", "障がい者"),
          Map.entry("infant", "乳幼児その他"),
          Map.entry("乳幼児", "乳幼児その他"),
          Map.entry("乳幼児その他", "乳幼児その他"),
          Map.entry("child-care", "要配慮児童"),
          Map.entry("要配慮児童", "要配慮児童"));

  private Needs() {}

  /** The 受入対象者 groups that take in someone with these needs; empty without needs. */
  static Set<String> groupsFor(Set<String> accessibility) {
    Set<String> groups = new HashSet<>();
    for (String need : accessibility) {
      String group = GROUPS.get(need.strip().toLowerCase(Locale.ROOT));
      if (group != null) {
        groups.add(group);
      }
    }
    if (!accessibility.isEmpty()) {
      groups.add(GENERAL);
    }
    return groups;
  }
}
