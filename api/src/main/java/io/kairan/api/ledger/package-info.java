/**
 * The write path's own record of notices, kept from notices.v1 and never from Elasticsearch: each
 * live notice's current version (publisher, version, status) and the idempotency keys of recent
 * posts. Read whole from the topic before the API takes a write, then followed.
 */
package io.kairan.api.ledger;
