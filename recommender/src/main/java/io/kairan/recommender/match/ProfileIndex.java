package io.kairan.recommender.match;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An attribute index over a shard's profiles: one compressed bitmap per district, municipality,
 * language, interest, consent, birth year and children's birth year. An audience is evaluated as
 * bitmap algebra, so only eligible residents are ever looked at; geographic areas test the home
 * points of the candidates. {@link AudienceMatcher} stays the reference it must agree with.
 */
public final class ProfileIndex {
  private final Map<String, Integer> localIds = new HashMap<>();
  private final List<ResidentProfile> profiles = new ArrayList<>();
  private final Deque<Integer> freeIds = new ArrayDeque<>();
  private final RoaringBitmap all = new RoaringBitmap();
  private final Map<String, RoaringBitmap> municipalities = new HashMap<>();
  private final Map<String, RoaringBitmap> districts = new HashMap<>();
  private final Map<String, RoaringBitmap> languages = new HashMap<>();
  private final Map<String, RoaringBitmap> interests = new HashMap<>();
  private final Map<Integer, RoaringBitmap> birthYears = new HashMap<>();
  private final Map<Integer, RoaringBitmap> childBirthYears = new HashMap<>();
  private final Map<Category, RoaringBitmap> consents = new EnumMap<>(Category.class);
  // Homes are town centres, so a city has a few hundred distinct points: an area is tested once
  // per point, not once per resident.
  private final Map<GeoPoint, RoaringBitmap> homes = new HashMap<>();

  public int size() {
    return localIds.size();
  }

  /** Adds or replaces a resident's profile. */
  public void put(ResidentProfile profile) {
    remove(profile.id());
    int id = freeIds.isEmpty() ? profiles.size() : freeIds.pop();
    if (id == profiles.size()) {
      profiles.add(profile);
    } else {
      profiles.set(id, profile);
    }
    localIds.put(profile.id(), id);
    update(profile, id, true);
  }

  public void remove(String residentId) {
    Integer id = localIds.remove(residentId);
    if (id == null) {
      return;
    }
    update(profiles.get(id), id, false);
    profiles.set(id, null);
    freeIds.push(id);
  }

  /**
   * The residents eligible for a notice: municipality, consent (emergencies need none), audience.
   */
  public List<ResidentProfile> eligible(Notice notice, Instant at) {
    RoaringBitmap found = eligibleIds(notice, at);
    List<ResidentProfile> result = new ArrayList<>(found.getCardinality());
    found.forEach((int id) -> result.add(profiles.get(id)));
    return result;
  }

  /** How many residents are eligible, without touching a profile: an audience's reach. */
  public int reach(Notice notice, Instant at) {
    return eligibleIds(notice, at).getCardinality();
  }

  private RoaringBitmap eligibleIds(Notice notice, Instant at) {
    RoaringBitmap found = evaluate(notice.audience(), AudienceMatcher.yearOf(at));
    found.and(get(municipalities, notice.municipalityCode()));
    if (notice.severity() != Severity.EMERGENCY) {
      found.and(consents.getOrDefault(notice.category(), new RoaringBitmap()));
    }
    return found;
  }

  /** The local ids of the residents in the audience, counting ages in {@code year}. */
  RoaringBitmap evaluate(Audience audience, int year) {
    return audience.accept(new Evaluation(year));
  }

  /** Bitmap algebra over the attribute bitmaps; each result is a fresh bitmap the caller owns. */
  private final class Evaluation implements Audience.Visitor<RoaringBitmap> {
    private final int year;

    Evaluation(int year) {
      this.year = year;
    }

    @Override
    public RoaringBitmap everyone(Audience.Everyone everyone) {
      return all.clone();
    }

    @Override
    public RoaringBitmap allOf(Audience.AllOf a) {
      RoaringBitmap result = all.clone();
      for (Audience part : a.all()) {
        result.and(part.accept(this));
      }
      return result;
    }

    @Override
    public RoaringBitmap anyOf(Audience.AnyOf a) {
      return FastAggregation.or(a.any().stream().map(part -> part.accept(this)).iterator());
    }

    @Override
    public RoaringBitmap not(Audience.Not n) {
      return RoaringBitmap.andNot(all, n.not().accept(this));
    }

    @Override
    public RoaringBitmap municipality(Audience.InMunicipality m) {
      return get(municipalities, m.code()).clone();
    }

    @Override
    public RoaringBitmap district(Audience.InDistrict d) {
      return FastAggregation.or(
          d.districts().stream().map(name -> get(districts, name)).iterator());
    }

    @Override
    public RoaringBitmap age(Audience.AgeBetween r) {
      return years(birthYears, year - r.max(), year - r.min());
    }

    @Override
    public RoaringBitmap childAge(Audience.HasChildAgedBetween r) {
      return years(childBirthYears, year - r.max(), year - r.min());
    }

    @Override
    public RoaringBitmap language(Audience.Speaks s) {
      return get(languages, base(s.language())).clone();
    }

    @Override
    public RoaringBitmap interest(Audience.InterestedIn i) {
      return get(interests, i.interest()).clone();
    }

    @Override
    public RoaringBitmap polygon(Audience.WithinPolygon polygon) {
      return homesWhere(point -> Geo.inPolygon(point, polygon.points()));
    }

    @Override
    public RoaringBitmap circle(Audience.WithinCircle circle) {
      return homesWhere(point -> AudienceMatcher.inCircle(point, circle));
    }
  }

  /** The residents whose home point passes the test. */
  private RoaringBitmap homesWhere(Predicate<GeoPoint> inside) {
    RoaringBitmap result = new RoaringBitmap();
    homes.forEach(
        (point, residents) -> {
          if (inside.test(point)) {
            result.or(residents);
          }
        });
    return result;
  }

  private static RoaringBitmap years(Map<Integer, RoaringBitmap> byYear, int from, int to) {
    List<RoaringBitmap> found = new ArrayList<>();
    for (int y = from; y <= to; y++) {
      RoaringBitmap residents = byYear.get(y);
      if (residents != null) {
        found.add(residents);
      }
    }
    // One pass over all the years' containers at once, not one OR per year.
    return FastAggregation.or(found.iterator());
  }

  private void update(ResidentProfile p, int id, boolean add) {
    mark(all, id, add);
    mark(bitmap(municipalities, p.municipalityCode()), id, add);
    mark(bitmap(districts, p.district()), id, add);
    mark(bitmap(birthYears, p.birthYear()), id, add);
    p.childrenBirthYears().forEach(y -> mark(bitmap(childBirthYears, y), id, add));
    p.languages().forEach(l -> mark(bitmap(languages, base(l)), id, add));
    p.interests().forEach(i -> mark(bitmap(interests, i), id, add));
    if (p.home() != null) {
      mark(bitmap(homes, p.home()), id, add);
    }
    p.consents()
        .forEach(
            (category, consent) -> {
              if (consent.granted()) {
                mark(bitmap(consents, category), id, add);
              }
            });
  }

  private static void mark(RoaringBitmap bitmap, int id, boolean add) {
    if (add) {
      bitmap.add(id);
    } else {
      bitmap.remove(id);
    }
  }

  private static <K> RoaringBitmap bitmap(Map<K, RoaringBitmap> map, K key) {
    return map.computeIfAbsent(key, k -> new RoaringBitmap());
  }

  private static <K> RoaringBitmap get(Map<K, RoaringBitmap> map, K key) {
    RoaringBitmap found = map.get(key);
    return found == null ? new RoaringBitmap() : found;
  }

  /** Languages match by their base (ja-x-easy reads ja), as {@link AudienceMatcher#speaks} does. */
  private static String base(String language) {
    return language.split("-")[0].toLowerCase(Locale.ROOT);
  }

  /** Serialized bytes of the bitmaps, for the benchmark's state-per-resident figure. */
  public long bitmapBytes() {
    long bytes = all.serializedSizeInBytes();
    for (Map<?, RoaringBitmap> map :
        List.of(
            municipalities,
            districts,
            languages,
            interests,
            birthYears,
            childBirthYears,
            consents,
            homes)) {
      for (RoaringBitmap b : map.values()) {
        bytes += b.serializedSizeInBytes();
      }
    }
    return bytes;
  }
}
