package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.site.EvacuationSite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;

/** sites.v1 records (key: the GSI common id) to site changes; a tombstone removes the site. */
final class ParseSites extends ParseRecords<Control> {

  ParseSites(Clock clock) {
    super(clock);
  }

  @Override
  void parse(RawRecord raw, Context ctx, Collector<Control> out) {
    if (raw.key() == null || raw.key().isBlank()) {
      throw new InvalidRecordException(List.of("key: a site record needs the site's id as key"));
    }
    if (raw.value() == null) {
      out.collect(Control.site(raw.key(), null));
      return;
    }
    EvacuationSite site = Json.read(raw.value(), EvacuationSite.class);
    var problems = new ArrayList<>(site.problems());
    if (!raw.key().equals(site.id())) {
      problems.add("id: must equal the record key");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    out.collect(Control.site(site.id(), site));
  }
}
