/** Residents' reactions to notices, which teach the recommender their affinities. */
package io.kairan.api.feedback;
