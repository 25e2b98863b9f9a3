/**
 * What push keeps of residents' profiles: only the languages each reads (and their time zone, for
 * the local day of a digest), followed from the compacted profiles.v1.
 */
package io.kairan.push.profile;
