/**
 * The daily digest push: a resident's DIGEST deliveries of one local day summed up in one message
 * per device (count and top titles), at most once a day.
 */
package io.kairan.push.digest;
