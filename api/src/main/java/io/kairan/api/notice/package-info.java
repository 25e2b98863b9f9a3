/** Publishers post, update and withdraw notices; each change is a new version on notices.v1. */
package io.kairan.api.notice;
