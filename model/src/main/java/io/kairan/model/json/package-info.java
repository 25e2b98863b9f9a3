/** The one JSON codec for everything on the wire, so every module reads and writes alike. */
package io.kairan.model.json;
