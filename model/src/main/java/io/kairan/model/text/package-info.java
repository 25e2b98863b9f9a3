/**
 * Text that reaches screens: titles as plain text, bodies cut down to a small safe subset of HTML,
 * whether a department typed them or a feed brought them.
 */
package io.kairan.model.text;
