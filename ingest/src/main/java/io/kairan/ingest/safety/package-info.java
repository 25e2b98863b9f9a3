/**
 * Hygiene for untrusted input: XML without DOCTYPEs or external entities, size caps, plain text
 * from HTML, and HTTP fetches only to configured public hosts.
 */
package io.kairan.ingest.safety;
