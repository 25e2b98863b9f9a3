/**
 * A resident's search over the notices delivered to them, in Japanese too: the API tokenizes with
 * kuromoji when it indexes a notice and when it reads a query, so Elasticsearch needs no plugin.
 */
package io.kairan.api.search;
