package io.kairan.deploy.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.ResidentProfile;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The approach a team would otherwise take: profiles in an Elasticsearch index, an audience as a
 * bool query, counted per notice. The baseline the bitmap index is compared with.
 */
final class ElasticsearchAudiences implements Closeable {
  private static final String INDEX = "bench-profiles";
  private final RestClient rest;
  private final ElasticsearchClient client;

  ElasticsearchAudiences(String url) {
    rest = RestClient.builder(HttpHost.create(url)).build();
    client =
        new ElasticsearchClient(
            new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper())));
  }

  void load(List<ResidentProfile> profiles) throws IOException {
    client
        .indices()
        .create(
            c ->
                c.index(INDEX)
                    .withJson(
                        new StringReader(
                            """
                            {"settings":{"number_of_shards":2,"number_of_replicas":0,"refresh_interval":"-1"},
                             "mappings":{"dynamic":"strict","properties":{
                               "municipalityCode":{"type":"keyword"},"district":{"type":"keyword"},
                               "birthYear":{"type":"integer"},"childrenBirthYears":{"type":"integer"},
                               "languages":{"type":"keyword"},"interests":{"type":"keyword"},
                               "consents":{"type":"keyword"},"home":{"type":"geo_point"}}}}
                            """)));
    for (int from = 0; from < profiles.size(); from += 5000) {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (ResidentProfile p : profiles.subList(from, Math.min(profiles.size(), from + 5000))) {
        bulk.operations(o -> o.index(i -> i.index(INDEX).id(p.id()).document(document(p))));
      }
      var response = client.bulk(bulk.build());
      if (response.errors()) {
        throw new IOException("bulk indexing failed: " + response.items().get(0).error());
      }
    }
    client.indices().refresh(r -> r.index(INDEX));
  }

  private static Map<String, Object> document(ResidentProfile p) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("municipalityCode", p.municipalityCode());
    doc.put("district", p.district());
    doc.put("birthYear", p.birthYear());
    doc.put("childrenBirthYears", p.childrenBirthYears());
    // Base languages: a resident reading ja-x-easy reads "ja" notices, as the matcher has it.
    doc.put(
        "languages",
        p.languages().stream()
            .map(l -> l.split("-")[0].toLowerCase(java.util.Locale.ROOT))
            .toList());
    doc.put("interests", p.interests());
    doc.put(
        "consents",
        p.consents().entrySet().stream()
            .filter(e -> e.getValue().granted())
            .map(e -> e.getKey().name())
            .toList());
    if (p.home() != null) {
      doc.put("home", Map.of("lat", p.home().lat(), "lon", p.home().lon()));
    }
    return doc;
  }

  /**
   * Indexes the profiles, checks that Elasticsearch counts what the index found for each notice,
   * then times the counts.
   */
  AudienceTimings.Timed loadAndTime(
      List<ResidentProfile> profiles, List<Notice> notices, Instant now, int[] reach, int rounds)
      throws IOException {
    load(profiles);
    System.out.println("[bench] profiles indexed in Elasticsearch");
    for (int i = 0; i < notices.size(); i++) {
      int found = count(notices.get(i), now);
      if (found != reach[i]) {
        throw new IllegalStateException(
            "Elasticsearch finds " + found + " for notice " + i + ", the index " + reach[i]);
      }
    }
    return AudienceTimings.time(notices, Math.max(1, rounds / 4), n -> count(n, now));
  }

  /** How many residents Elasticsearch finds eligible: the same rule as the index and the scan. */
  int count(Notice notice, Instant now) {
    int year = now.atZone(java.time.ZoneOffset.UTC).getYear();
    Query audience = query(notice.audience(), year);
    Query eligible =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.filter(audience)
                          .filter(term("municipalityCode", notice.municipalityCode()));
                      if (notice.severity() != Severity.EMERGENCY) {
                        b.filter(term("consents", notice.category().name()));
                      }
                      return b;
                    }));
    try {
      return (int) client.count(c -> c.index(INDEX).query(eligible)).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Query query(Audience audience, int year) {
    return audience.accept(new BoolQuery(year));
  }

  /** An audience as the filter a team would write over the profiles index. */
  private record BoolQuery(int year) implements Audience.Visitor<Query> {
    @Override
    public Query everyone(Audience.Everyone everyone) {
      return Query.of(q -> q.matchAll(m -> m));
    }

    @Override
    public Query allOf(Audience.AllOf a) {
      return Query.of(q -> q.bool(b -> b.filter(parts(a.all()))));
    }

    @Override
    public Query anyOf(Audience.AnyOf a) {
      return Query.of(q -> q.bool(b -> b.should(parts(a.any())).minimumShouldMatch("1")));
    }

    @Override
    public Query not(Audience.Not n) {
      return Query.of(q -> q.bool(b -> b.mustNot(n.not().accept(this))));
    }

    @Override
    public Query municipality(Audience.InMunicipality m) {
      return term("municipalityCode", m.code());
    }

    @Override
    public Query district(Audience.InDistrict d) {
      return Query.of(
          q ->
              q.terms(
                  t ->
                      t.field("district")
                          .terms(
                              v -> v.value(d.districts().stream().map(FieldValue::of).toList()))));
    }

    @Override
    public Query age(Audience.AgeBetween r) {
      return range("birthYear", year - r.max(), year - r.min());
    }

    @Override
    public Query childAge(Audience.HasChildAgedBetween r) {
      return range("childrenBirthYears", year - r.max(), year - r.min());
    }

    @Override
    public Query language(Audience.Speaks s) {
      return term("languages", s.language().split("-")[0].toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Query interest(Audience.InterestedIn i) {
      return term("interests", i.interest());
    }

    @Override
    public Query polygon(Audience.WithinPolygon polygon) {
      // Elasticsearch 8 deprecates geo_polygon; the benchmark's audiences have no polygon.
      throw new IllegalArgumentException("no Elasticsearch form for a polygon in the benchmark");
    }

    @Override
    public Query circle(Audience.WithinCircle c) {
      return Query.of(
          q ->
              q.geoDistance(
                  g ->
                      g.field("home")
                          .distance(c.radiusKm() + "km")
                          .location(
                              l -> l.latlon(p -> p.lat(c.center().lat()).lon(c.center().lon())))));
    }

    private List<Query> parts(List<Audience> parts) {
      return parts.stream().map(part -> part.accept(this)).toList();
    }
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static Query range(String field, int from, int to) {
    return Query.of(
        q -> q.range(r -> r.number(n -> n.field(field).gte((double) from).lte((double) to))));
  }

  @Override
  public void close() throws IOException {
    rest.close();
  }
}
