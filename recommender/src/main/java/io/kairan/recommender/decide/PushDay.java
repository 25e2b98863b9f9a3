package io.kairan.recommender.decide;

import io.kairan.model.notice.PublisherKind;

/** How many pushes a resident has had on one local day, all and from firms, for the daily caps. */
public record PushDay(String date, int pushes, int firmPushes) {
  public static PushDay empty(String date) {
    return new PushDay(date, 0, 0);
  }

  PushDay plus(PublisherKind kind) {
    return new PushDay(date, pushes + 1, firmPushes + (kind == PublisherKind.FIRM ? 1 : 0));
  }

  /** A counted push that will not go out after all (its notice was withdrawn). */
  public PushDay minus(PublisherKind kind) {
    return new PushDay(
        date,
        Math.max(0, pushes - 1),
        Math.max(0, firmPushes - (kind == PublisherKind.FIRM ? 1 : 0)));
  }
}
