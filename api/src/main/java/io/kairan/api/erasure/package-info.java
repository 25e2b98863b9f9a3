/** A resident's data as a whole: the export of all of it, and erasure from every store. */
package io.kairan.api.erasure;
