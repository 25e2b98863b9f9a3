/**
 * The resident app's files (static, under {@code static/app/}: a mobile-first PWA that uses only
 * the public API with the resident's token) and who may read them: anyone, as they hold no data.
 */
package io.kairan.api.app;
