/**
 * Every error as an RFC 9457 problem document, with the field-level reasons where there are any.
 */
package io.kairan.api.problem;
