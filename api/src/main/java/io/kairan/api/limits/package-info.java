/** Limits on what a request may carry, refused before any of it is parsed. */
package io.kairan.api.limits;
