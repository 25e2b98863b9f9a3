/**
 * The Kairan API application. Features live in sub-packages: notice (publishers' writes), ledger
 * (the write path's own record of notices.v1), profile, device, feedback, feed, rules, index (all
 * of Elasticsearch), security, problem, web (JSON bodies), limits, health, kafka.
 */
package io.kairan.api;
