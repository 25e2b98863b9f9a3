/** A real single-node KRaft Kafka broker, run as a child process from the Maven Central jars. */
package io.kairan.deploy.kafka;
