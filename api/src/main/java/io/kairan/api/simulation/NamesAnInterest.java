package io.kairan.api.simulation;

import io.kairan.model.notice.Audience;
import java.util.List;

/**
 * Whether an audience names an interest anywhere. When it names none, no resident follows any of
 * its interests, so a match differs between residents only in their home, quiet hours and time
 * zone.
 */
final class NamesAnInterest implements Audience.Visitor<Boolean> {
  static boolean in(Audience audience) {
    return audience.accept(new NamesAnInterest());
  }

  private boolean any(List<Audience> parts) {
    return parts.stream().anyMatch(part -> part.accept(this));
  }

  @Override
  public Boolean interest(Audience.InterestedIn i) {
    return true;
  }

  @Override
  public Boolean allOf(Audience.AllOf all) {
    return any(all.all());
  }

  @Override
  public Boolean anyOf(Audience.AnyOf any) {
    return any(any.any());
  }

  @Override
  public Boolean not(Audience.Not not) {
    return not.not().accept(this);
  }

  @Override
  public Boolean everyone(Audience.Everyone everyone) {
    return false;
  }

  @Override
  public Boolean municipality(Audience.InMunicipality municipality) {
    return false;
  }

  @Override
  public Boolean district(Audience.InDistrict district) {
    return false;
  }

  @Override
  public Boolean age(Audience.AgeBetween age) {
    return false;
  }

  @Override
  public Boolean childAge(Audience.HasChildAgedBetween childAge) {
    return false;
  }

  @Override
  public Boolean language(Audience.Speaks language) {
    return false;
  }

  @Override
  public Boolean polygon(Audience.WithinPolygon polygon) {
    return false;
  }

  @Override
  public Boolean circle(Audience.WithinCircle circle) {
    return false;
  }
}
