/**
 * Drafts: notices a publisher is still writing, kept on the API's own compacted topic
 * notices.drafts.v1 until they are published or discarded. A draft may be incomplete; it is checked
 * as a post is only when it is published.
 */
package io.kairan.api.draft;
