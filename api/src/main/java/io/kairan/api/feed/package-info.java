/** A resident's own feed: their deliveries joined with the notices' current versions. */
package io.kairan.api.feed;
