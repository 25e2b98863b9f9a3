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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An attribute index over a shard's profiles: one compressed bitmap per district, municipality,
 * language, interest and consent, and {@link YearIndex}es of birth years and children's birth
 * years. An audience is evaluated as bitmap algebra that narrows the candidates step by step (the
 * most selective parts first), so only eligible residents are ever looked at; geographic areas test
 * the home points of the candidates. {@link AudienceMatcher} stays the reference it must agree
 * with.
 */
public final class ProfileIndex {
  /**
   * Below this share of the residents, a candidate set is "few": it checks ages one resident at a
   * time from an array, and intersects each district, year or home point alone instead of building
   * their union over the whole city first.
   */
  static final double FEW_SHARE = 1.0 / 32;

  private final double fewShare;
  private final Map<String, Integer> localIds = new HashMap<>();
  private final List<ResidentProfile> profiles = new ArrayList<>();
  private final Deque<Integer> freeIds = new ArrayDeque<>();
  private int[] birthYearById = new int[16];
  private final Map<String, RoaringBitmap> municipalities = new HashMap<>();
  private final Map<String, RoaringBitmap> districts = new HashMap<>();
  private final Map<String, RoaringBitmap> languages = new HashMap<>();
  private final Map<String, RoaringBitmap> interests = new HashMap<>();
  private final YearIndex birthYears = new YearIndex();
  private final YearIndex childBirthYears = new YearIndex();
  private final Map<Category, RoaringBitmap> consents = new EnumMap<>(Category.class);
  // Homes are town centres, so a city has a few hundred distinct points: an area is tested once
  // per point, not once per resident.
  private final Map<GeoPoint, RoaringBitmap> homes = new HashMap<>();
  private final Estimate estimate = new Estimate();

  public ProfileIndex() {
    this(FEW_SHARE);
  }

  /** With another share below which candidates are few: 0 never, 1 always (for the tests). */
  ProfileIndex(double fewShare) {
    this.fewShare = fewShare;
  }

  public int size() {
    return localIds.size();
  }

  /**
   * Adds or replaces a resident's profile; returns the number the index knows it by (a small int,
   * reused after a removal), which {@link #forEachEligible} hands out.
   */
  public int put(ResidentProfile profile) {
    remove(profile.id());
    int id = freeIds.isEmpty() ? profiles.size() : freeIds.pop();
    if (id == profiles.size()) {
      profiles.add(profile);
    } else {
      profiles.set(id, profile);
    }
    if (id >= birthYearById.length) {
      birthYearById = Arrays.copyOf(birthYearById, Math.max(id + 1, birthYearById.length * 2));
    }
    birthYearById[id] = profile.birthYear();
    localIds.put(profile.id(), id);
    update(profile, id, true);
    return id;
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
    RoaringBitmap found = inAudience(notice, at);
    if (needsConsent(notice)) {
      found = RoaringBitmap.and(found, consentTo(notice));
    }
    List<ResidentProfile> result = new ArrayList<>(found.getCardinality());
    found.forEach((int id) -> result.add(profiles.get(id)));
    return result;
  }

  /**
   * The numbers ({@link #put}) of the residents eligible for a notice, in ascending order, without
   * touching a profile: a count of a million residents by some property of theirs is one pass.
   */
  public void forEachEligible(Notice notice, Instant at, IntConsumer each) {
    RoaringBitmap found = inAudience(notice, at);
    if (needsConsent(notice)) {
      found = RoaringBitmap.and(found, consentTo(notice));
    }
    found.forEach((org.roaringbitmap.IntConsumer) each::accept);
  }

  /** The resident's profile as the index holds it, null when it holds none. */
  public ResidentProfile profileOf(String residentId) {
    Integer id = localIds.get(residentId);
    return id == null ? null : profiles.get(id);
  }

  /** The profile the index knows by this number ({@link #put}), null when none is. */
  public ResidentProfile profile(int number) {
    return number < profiles.size() ? profiles.get(number) : null;
  }

  /** How many residents are eligible, without touching a profile: an audience's reach. */
  public int reach(Notice notice, Instant at) {
    RoaringBitmap found = inAudience(notice, at);
    return needsConsent(notice)
        ? RoaringBitmap.andCardinality(found, consentTo(notice))
        : found.getCardinality();
  }

  /**
   * The notice's municipality's residents in its audience; consent comes after, as the last step:
   * most audiences are narrower than the residents who consent, so fewer residents are checked. May
   * be one of the index's own bitmaps, so never changed.
   */
  private RoaringBitmap inAudience(Notice notice, Instant at) {
    return within(
        notice.audience(),
        get(municipalities, notice.municipalityCode()),
        AudienceMatcher.yearOf(at));
  }

  private static boolean needsConsent(Notice notice) {
    return notice.severity() != Severity.EMERGENCY;
  }

  private RoaringBitmap consentTo(Notice notice) {
    return get(consents, notice.category());
  }

  /** The candidates who are in the audience, counting ages in {@code year}. */
  private RoaringBitmap within(Audience audience, RoaringBitmap candidates, int year) {
    return candidates.isEmpty() ? candidates : audience.accept(new Within(candidates, year));
  }

  /**
   * Narrows a candidate set to the part of it in an audience. Every bitmap here is read, never
   * changed: a result may be the candidates themselves or one of the index's bitmaps, and each
   * operation makes a new one. Nothing is built over the whole city that the candidates do not
   * need.
   */
  private final class Within implements Audience.Visitor<RoaringBitmap> {
    private final RoaringBitmap candidates;
    private final int year;

    Within(RoaringBitmap candidates, int year) {
      this.candidates = candidates;
      this.year = year;
    }

    @Override
    public RoaringBitmap everyone(Audience.Everyone everyone) {
      return candidates;
    }

    @Override
    public RoaringBitmap allOf(Audience.AllOf a) {
      // The most selective plain lookups first: each later part only narrows what is left.
      List<Audience> parts = new ArrayList<>(a.all());
      parts.sort(Comparator.comparingLong(part -> part.accept(estimate)));
      RoaringBitmap result = candidates;
      for (Audience part : parts) {
        result = within(part, result, year);
        if (result.isEmpty()) {
          break;
        }
      }
      return result;
    }

    @Override
    public RoaringBitmap anyOf(Audience.AnyOf a) {
      List<RoaringBitmap> found = new ArrayList<>(a.any().size());
      for (Audience part : a.any()) {
        found.add(part.accept(this));
      }
      return found.isEmpty() ? new RoaringBitmap() : FastAggregation.or(found.iterator());
    }

    @Override
    public RoaringBitmap not(Audience.Not n) {
      return RoaringBitmap.andNot(candidates, n.not().accept(this));
    }

    @Override
    public RoaringBitmap municipality(Audience.InMunicipality m) {
      return RoaringBitmap.and(candidates, get(municipalities, m.code()));
    }

    @Override
    public RoaringBitmap district(Audience.InDistrict d) {
      return narrowedToAnyOf(d.districts().stream().map(name -> get(districts, name)).toList());
    }

    @Override
    public RoaringBitmap age(Audience.AgeBetween r) {
      long from = (long) year - r.max();
      long to = (long) year - r.min();
      if (!few()) {
        return RoaringBitmap.and(candidates, birthYears.between(from, to));
      }
      RoaringBitmap result = new RoaringBitmap();
      candidates.forEach(
          (int id) -> {
            int born = birthYearById[id];
            if (born >= from && born <= to) {
              result.add(id);
            }
          });
      return result;
    }

    @Override
    public RoaringBitmap childAge(Audience.HasChildAgedBetween r) {
      return narrowedToAnyOf(
          childBirthYears.partsBetween((long) year - r.max(), (long) year - r.min()));
    }

    @Override
    public RoaringBitmap language(Audience.Speaks s) {
      return RoaringBitmap.and(candidates, get(languages, base(s.language())));
    }

    @Override
    public RoaringBitmap interest(Audience.InterestedIn i) {
      return RoaringBitmap.and(candidates, get(interests, i.interest()));
    }

    @Override
    public RoaringBitmap polygon(Audience.WithinPolygon polygon) {
      return narrowedToAnyOf(homesWhere(point -> Geo.inPolygon(point, polygon.points())));
    }

    @Override
    public RoaringBitmap circle(Audience.WithinCircle circle) {
      return narrowedToAnyOf(homesWhere(point -> AudienceMatcher.inCircle(point, circle)));
    }

    private boolean few() {
      return candidates.getCardinality() <= fewShare * size();
    }

    /** The candidates in any of the bitmaps: each intersected alone when the candidates are few. */
    private RoaringBitmap narrowedToAnyOf(List<RoaringBitmap> bitmaps) {
      if (bitmaps.isEmpty()) {
        return new RoaringBitmap();
      }
      if (bitmaps.size() == 1) {
        return RoaringBitmap.and(candidates, bitmaps.get(0));
      }
      if (few()) {
        List<RoaringBitmap> found = new ArrayList<>(bitmaps.size());
        bitmaps.forEach(b -> found.add(RoaringBitmap.and(candidates, b)));
        return FastAggregation.or(found.iterator());
      }
      return RoaringBitmap.and(candidates, FastAggregation.or(bitmaps.iterator()));
    }
  }

  /**
   * At most how many residents a part of an all-of leaves, as far as the bitmaps tell without
   * computing anything: exact for plain lookups, bounded for all-of and any-of, and one more than
   * everyone for computed parts (ages, areas, negations), so they run last on the fewest
   * candidates.
   */
  private final class Estimate implements Audience.Visitor<Long> {
    private long computed() {
      return (long) size() + 1;
    }

    @Override
    public Long everyone(Audience.Everyone everyone) {
      return (long) size();
    }

    @Override
    public Long allOf(Audience.AllOf a) {
      return a.all().stream().mapToLong(part -> part.accept(this)).min().orElse(size());
    }

    @Override
    public Long anyOf(Audience.AnyOf a) {
      return Math.min(computed(), a.any().stream().mapToLong(part -> part.accept(this)).sum());
    }

    @Override
    public Long not(Audience.Not n) {
      return computed();
    }

    @Override
    public Long municipality(Audience.InMunicipality m) {
      return get(municipalities, m.code()).getLongCardinality();
    }

    @Override
    public Long district(Audience.InDistrict d) {
      return d.districts().stream().mapToLong(n -> get(districts, n).getLongCardinality()).sum();
    }

    @Override
    public Long age(Audience.AgeBetween r) {
      return computed();
    }

    @Override
    public Long childAge(Audience.HasChildAgedBetween r) {
      return computed();
    }

    @Override
    public Long language(Audience.Speaks s) {
      return get(languages, base(s.language())).getLongCardinality();
    }

    @Override
    public Long interest(Audience.InterestedIn i) {
      return get(interests, i.interest()).getLongCardinality();
    }

    @Override
    public Long polygon(Audience.WithinPolygon polygon) {
      return computed();
    }

    @Override
    public Long circle(Audience.WithinCircle circle) {
      return computed();
    }
  }

  /** The bitmaps of the home points that pass the test (the index's own: never changed). */
  private List<RoaringBitmap> homesWhere(Predicate<GeoPoint> inside) {
    List<RoaringBitmap> found = new ArrayList<>();
    homes.forEach(
        (point, residents) -> {
          if (inside.test(point)) {
            found.add(residents);
          }
        });
    return found;
  }

  private void update(ResidentProfile p, int id, boolean add) {
    mark(bitmap(municipalities, p.municipalityCode()), id, add);
    mark(bitmap(districts, p.district()), id, add);
    if (add) {
      birthYears.add(p.birthYear(), id);
      p.childrenBirthYears().forEach(y -> childBirthYears.add(y, id));
    } else {
      birthYears.remove(p.birthYear(), id);
      p.childrenBirthYears().forEach(y -> childBirthYears.remove(y, id));
    }
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

  private static final RoaringBitmap NONE = new RoaringBitmap();

  /** The key's bitmap, or an empty one: read it, never change it. */
  private static <K> RoaringBitmap get(Map<K, RoaringBitmap> map, K key) {
    RoaringBitmap found = map.get(key);
    return found == null ? NONE : found;
  }

  /** Languages match by their base (ja-x-easy reads ja), as {@link AudienceMatcher#speaks} does. */
  private static String base(String language) {
    return language.split("-")[0].toLowerCase(Locale.ROOT);
  }

  /** Serialized bytes of the bitmaps, for the benchmark's state-per-resident figure. */
  public long bitmapBytes() {
    long bytes = 0;
    for (Map<?, RoaringBitmap> map :
        List.of(municipalities, districts, languages, interests, consents, homes)) {
      for (RoaringBitmap b : map.values()) {
        bytes += b.serializedSizeInBytes();
      }
    }
    return bytes + birthYears.serializedBytes() + childBirthYears.serializedBytes();
  }
}
