/**
 * The demo city, 会津若松市 (072028): real towns from the shared samples, synthetic residents drawn from
 * the city's published totals, and a few notices.
 */
package io.kairan.deploy.demo;
