package io.kairan.model.notice;

/** What a notice is about; residents consent per category. */
public enum Category {
  CHILDCARE,
  EDUCATION,
  HEALTH,
  WELFARE,
  GARBAGE,
  TAX,
  ADMINISTRATION,
  EVENTS,
  CULTURE,
  SPORTS,
  TRANSPORT,
  DISASTER,
  SHOPPING
}
