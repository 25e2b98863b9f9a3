package io.kairan.ingest.alert;

import io.kairan.model.notice.Audience;

/** Where an alert's areas put it for one municipality: an audience there, or nowhere and why. */
sealed interface Placement {
  record Placed(Audience audience) implements Placement {}

  record Nowhere(String reason) implements Placement {}
}
