/**
 * Notices: what a department, a firm or a feed publishes, and the audience it is meant for. A
 * notice is versioned; every change is a new version on {@code notices.v1}.
 */
package io.kairan.model.notice;
