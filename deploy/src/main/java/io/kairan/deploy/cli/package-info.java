/**
 * How the deploy module's command-line tools (token, topic, residents, benchmarks) read their
 * arguments and end: picocli, one set of exit codes.
 */
package io.kairan.deploy.cli;
