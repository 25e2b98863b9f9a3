/**
 * The city's evacuation sites and shelters from the GSI's CSV layout (国土地理院 指定緊急避難場所 and 指定避難所
 * data) onto sites.v1, which the recommender job follows: rows it cannot read are refused with a
 * reason, and sites no longer listed are removed (tombstones).
 */
package io.kairan.ingest.site;
