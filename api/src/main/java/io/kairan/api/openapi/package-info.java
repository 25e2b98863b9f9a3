/**
 * The OpenAPI 3.1 document (/v3/api-docs) and Swagger UI: what springdoc reads from the
 * controllers, completed in one place from resource files (each operation's id, success status and
 * examples, and the problem documents every call can answer), so no controller carries
 * documentation.
 */
package io.kairan.api.openapi;
