/**
 * The matching core, plain Java: who a notice is for (audience and consent) and why. The API
 * previews audiences with exactly this code.
 */
package io.kairan.recommender.match;
