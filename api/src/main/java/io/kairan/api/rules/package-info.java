/** Analysts publish rule sets: the active one, and a candidate running in shadow. */
package io.kairan.api.rules;
