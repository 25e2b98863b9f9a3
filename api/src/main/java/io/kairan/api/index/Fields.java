package io.kairan.api.index;

/**
 * The field names the API's queries use, in one place. They are the model codec's names (a delivery
 * is indexed as the codec writes it) and the mappings' names in resources/elasticsearch; {@code
 * FieldsTest} holds all three together.
 */
public final class Fields {
  public static final String NOTICE_ID = "noticeId";
  public static final String RESIDENT_ID = "residentId";
  public static final String CHANNEL = "channel";
  public static final String DECIDED_AT = "decidedAt";
  public static final String OUTCOME = "outcome";
  public static final String AT = "at";
  public static final String KIND = "kind";

  private Fields() {}
}
