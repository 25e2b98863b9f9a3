package io.kairan.ingest.cli;

import io.kairan.ingest.alert.MunicipalityArea;
import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.model.notice.Audience;

/** What connectors look things up in: the 対象者 dictionary and the municipality's towns. */
record Lookups(PhraseDictionary<Audience> targets, MunicipalityArea area) {}
