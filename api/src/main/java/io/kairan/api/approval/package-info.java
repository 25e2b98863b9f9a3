/**
 * Firms' notices waiting for approval: kept durably on the API's own compacted topic
 * notices.approvals.v1 (key: the notice's id; the latest record says whether it waits, was approved
 * or was rejected, by whom and when), read whole at start like the ledger, so the queue and every
 * decision survive a restart of the API. A notice waiting here is never on notices.v1.
 */
package io.kairan.api.approval;
