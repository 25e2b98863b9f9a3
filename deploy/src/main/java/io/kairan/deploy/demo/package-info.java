/**
 * The demo city, 会津若松市 (072028): real towns from the shared samples, synthetic residents drawn from
 * the city's published totals, and a few notices; and the tools a newcomer looks at it with
 * (tokens, topics, residents: deploy/token.sh, topic.sh, residents.sh).
 */
package io.kairan.deploy.demo;
