/** A resident's own opt-in profile: put, delete. The id is always the caller's. */
package io.kairan.api.profile;
