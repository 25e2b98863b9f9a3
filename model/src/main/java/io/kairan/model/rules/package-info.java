/** Versioned rule sets that tune matching and delivery, published on rules.v1 by analysts. */
package io.kairan.model.rules;
