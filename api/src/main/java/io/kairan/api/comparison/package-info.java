/**
 * What a rule set did, in aggregates only: pushes per resident per day, deliveries by category and
 * channel, coverage of important notices; and the comparison of the shadow set with the active one.
 */
package io.kairan.api.comparison;
