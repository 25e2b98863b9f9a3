package io.kairan.recommender.decide;

import io.kairan.model.delivery.Channel;
import java.time.Instant;

/** The channel chosen for a match, and when a push is due. */
public record Decision(Channel channel, Instant pushAt) {}
