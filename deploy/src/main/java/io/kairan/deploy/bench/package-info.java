/**
 * Benchmark commands: they print figures side by side with a baseline of the same run, and write
 * JSON.
 */
package io.kairan.deploy.bench;
