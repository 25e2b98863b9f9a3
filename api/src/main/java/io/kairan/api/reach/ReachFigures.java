package io.kairan.api.reach;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a draft would reach now, counted on the residents and the active rule set the API holds.
 * Every count under {@code minimumGroup} is withheld (null, {@code withheld} true), and so is any
 * group whose count the others would give away ({@link Withholding}).
 *
 * @param residents residents it would reach: the draft's municipality, its audience, and consent to
 *     its category (an emergency needs none)
 * @param byDistrict by the residents' district, in the order of the names
 * @param byChannel by the channel the rule set would choose now (PUSH_NOW, PUSH_AT, DIGEST,
 *     FEED_ONLY), in that order; channels nobody would get are left out
 * @param ruleSet the active rule set it was decided with ("name/version")
 * @param at the instant it was decided for: quiet hours and the digest depend on it
 * @param approximations what the job knows of a resident and the preview does not
 */
public record ReachFigures(
    Long residents,
    boolean withheld,
    List<Withholding.Group> byDistrict,
    List<Withholding.Group> byChannel,
    int minimumGroup,
    String ruleSet,
    Instant at,
    List<String> approximations) {

  static final List<String> APPROXIMATIONS =
      List.of(
          "affinity: every resident is counted with a neutral liking for the category; the job"
              + " scores with what each resident taught it by feedback, which can move an"
              + " important notice between a push and the digest",
          "daily caps: every resident is counted as if pushed nothing yet today; the job sends a"
              + " push over the resident's daily cap (or the firms' cap) to the digest instead",
          "residents: the profiles on profiles.v1 as this API has read them, which the job may"
              + " hold a moment earlier or later");

  static ReachFigures of(ReachCount count, String ruleSet, Instant at) {
    var byChannel = new LinkedHashMap<String, Long>();
    count.byChannel().forEach((channel, n) -> byChannel.put(channel.name(), n));
    return new ReachFigures(
        Withholding.withholds(count.residents()) ? null : count.residents(),
        Withholding.withholds(count.residents()),
        Withholding.split(count.residents(), count.byDistrict()),
        Withholding.split(count.residents(), byChannel),
        Withholding.MINIMUM_GROUP,
        ruleSet,
        at,
        APPROXIMATIONS);
  }
}
