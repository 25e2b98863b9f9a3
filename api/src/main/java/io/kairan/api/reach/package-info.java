/**
 * How many residents a draft would reach, before it is posted: an index of the residents kept from
 * profiles.v1 and the active rule set from rules.v1, matched and decided with the recommender's own
 * matching core and policy (packages {@code recommender.match} and {@code recommender.decide},
 * plain Java), and shown with every small group withheld.
 */
package io.kairan.api.reach;
