/**
 * A city's evacuation sites and shelters, as the GSI publishes them, and the advice a resident's
 * emergency delivery carries: the nearest site safe for the hazard, and a shelter that takes in
 * people with the resident's needs.
 */
package io.kairan.model.site;
