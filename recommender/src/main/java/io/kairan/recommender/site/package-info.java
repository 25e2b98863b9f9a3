/**
 * Where an emergency sends each resident: the nearest evacuation site safe for the notice's hazard,
 * and the nearest shelter that takes in people with the resident's needs, found in a spatial index
 * over the city's sites.
 */
package io.kairan.recommender.site;
