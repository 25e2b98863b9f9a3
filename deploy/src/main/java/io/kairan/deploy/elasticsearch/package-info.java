/** The real Elasticsearch server from its Maven Central zip, run as an unprivileged user. */
package io.kairan.deploy.elasticsearch;
