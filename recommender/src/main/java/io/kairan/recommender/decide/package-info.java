/**
 * The resident's policy, plain Java: through which channel a match reaches the resident, and when.
 * Emergencies override quiet hours.
 */
package io.kairan.recommender.decide;
