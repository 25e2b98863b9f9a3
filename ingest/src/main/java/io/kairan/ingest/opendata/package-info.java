/**
 * The 自治体標準オープンデータセット event list (イベント一覧), in both the 50-column catalogue layout and the 79-column
 * layout, with editable dictionaries for 対象者 and イベント種類.
 */
package io.kairan.ingest.opendata;
