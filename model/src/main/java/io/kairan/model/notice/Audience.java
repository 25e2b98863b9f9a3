package io.kairan.model.notice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kairan.model.Problems;
import java.util.List;

/**
 * Who a notice is for: a small expression tree over profile attributes. Ages are counted in whole
 * years at the notice's time from birth years, which is all a profile holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Audience.Everyone.class, name = "everyone"),
  @JsonSubTypes.Type(value = Audience.AllOf.class, name = "allOf"),
  @JsonSubTypes.Type(value = Audience.AnyOf.class, name = "anyOf"),
  @JsonSubTypes.Type(value = Audience.Not.class, name = "not"),
  @JsonSubTypes.Type(value = Audience.InMunicipality.class, name = "municipality"),
  @JsonSubTypes.Type(value = Audience.InDistrict.class, name = "district"),
  @JsonSubTypes.Type(value = Audience.AgeBetween.class, name = "age"),
  @JsonSubTypes.Type(value = Audience.HasChildAgedBetween.class, name = "childAge"),
  @JsonSubTypes.Type(value = Audience.Speaks.class, name = "language"),
  @JsonSubTypes.Type(value = Audience.InterestedIn.class, name = "interest"),
  @JsonSubTypes.Type(value = Audience.WithinPolygon.class, name = "polygon"),
  @JsonSubTypes.Type(value = Audience.WithinCircle.class, name = "circle")
})
public sealed interface Audience {
  int MAX_DEPTH = 8;
  int MAX_AGE = 130;

  /** Every resident of the notice's municipality. */
  record Everyone() implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.everyone(this);
    }
  }

  /** Residents matching every part. */
  record AllOf(List<Audience> all) implements Audience {
    public AllOf {
      all = all == null ? List.of() : List.copyOf(all);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.allOf(this);
    }
  }

  /** Residents matching at least one part. */
  record AnyOf(List<Audience> any) implements Audience {
    public AnyOf {
      any = any == null ? List.of() : List.copyOf(any);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.anyOf(this);
    }
  }

  /** Residents not matching the part. */
  record Not(Audience not) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.not(this);
    }
  }

  /** Residents registered in a municipality (JIS X 0402 code). */
  record InMunicipality(String code) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.municipality(this);
    }
  }

  /** Residents living in one of the districts (大字・町 names, e.g. 北会津町). */
  record InDistrict(List<String> districts) implements Audience {
    public InDistrict {
      districts = districts == null ? List.of() : List.copyOf(districts);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.district(this);
    }
  }

  /** Residents whose age is within [min, max]. */
  record AgeBetween(int min, int max) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.age(this);
    }
  }

  /** Residents with at least one child whose age is within [min, max]. */
  record HasChildAgedBetween(int min, int max) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.childAge(this);
    }
  }

  /** Residents who read a language (BCP 47 tag such as ja, en, vi). */
  record Speaks(String language) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.language(this);
    }
  }

  /** Residents who follow an interest tag (e.g. 子育て, sports). */
  record InterestedIn(String interest) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.interest(this);
    }
  }

  /** Residents whose home point lies inside the polygon (WGS84, closed or not). */
  record WithinPolygon(List<GeoPoint> points) implements Audience {
    public WithinPolygon {
      points = points == null ? List.of() : List.copyOf(points);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.polygon(this);
    }
  }

  /** Residents whose home point lies within radiusKm of the centre. */
  record WithinCircle(GeoPoint center, double radiusKm) implements Audience {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.circle(this);
    }
  }

  /** What the visitor answers for this expression: the one way to walk an audience. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of audience. Java 17 has no pattern switch, so every interpretation of an
   * audience (matching, index, reasons, text, validation, queries) is a visitor: a new kind is a
   * compile error wherever it is not handled, never a silent fall-through.
   */
  interface Visitor<R> {
    R everyone(Everyone everyone);

    R allOf(AllOf allOf);

    R anyOf(AnyOf anyOf);

    R not(Not not);

    R municipality(InMunicipality municipality);

    R district(InDistrict district);

    R age(AgeBetween age);

    R childAge(HasChildAgedBetween childAge);

    R language(Speaks language);

    R interest(InterestedIn interest);

    R polygon(WithinPolygon polygon);

    R circle(WithinCircle circle);
  }

  /** Problems with this expression, each naming its path in the tree. */
  default List<String> problems() {
    var problems = new Problems();
    AudienceProblems.check(this, "audience", 1, problems);
    return problems.list();
  }
}
