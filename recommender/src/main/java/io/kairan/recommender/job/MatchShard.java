package io.kairan.recommender.job;

import io.kairan.model.Topics;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.job.types.NoticeTypeInfo;
import io.kairan.recommender.match.Match;
import io.kairan.recommender.match.Matching;
import io.kairan.recommender.match.ProfileForMatching;
import io.kairan.recommender.match.ProfileIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 1, keyed by shard: holds the shard's profiles and the notices still live. A notice is
 * matched against every profile of the shard; a new or changed profile against every live notice,
 * so a new resident's feed is right at once.
 */
final class MatchShard
    extends KeyedCoProcessFunction<Integer, ProfileChange, ShardedNotice, Match> {
  private static final int SHARED_NOTICES = 256;

  private final Clock clock;
  // Serialized (ProfileBytes): a checkpoint copies bytes, the index holds the objects.
  private transient MapState<String, byte[]> profiles;
  private transient ProfileBytes profileBytes;
  private transient MapState<String, Notice> liveNotices;
  // Withdrawn is final: a later version of a withdrawn notice (a replayed feed, a faulty producer)
  // never reaches anyone. Kept until the notice's validity ends, then forgotten by the timer.
  private transient MapState<String, Long> withdrawnUntil;
  // The bitmap index of each shard this subtask owns, built from the profiles state on first use
  // (after a start or a restore) and kept in step with it.
  private transient Map<Integer, ProfileIndex> indexes;
  // Every shard of a subtask receives its own copy of a notice; the heap keeps one of them.
  private transient Map<String, Notice> shared;

  MatchShard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void open(OpenContext openContext) {
    profiles =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "profiles",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    profileBytes = new ProfileBytes();
    withdrawnUntil =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("withdrawn-until", String.class, Long.class));
    liveNotices =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("live-notices", Types.STRING, NoticeTypeInfo.INSTANCE));
    indexes = new HashMap<>();
    shared =
        new LinkedHashMap<>(SHARED_NOTICES, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Notice> eldest) {
            return size() > SHARED_NOTICES;
          }
        };
  }

  @Override
  public void processElement1(ProfileChange change, Context ctx, Collector<Match> out)
      throws Exception {
    List<Match> matches;
    try {
      matches = changeProfile(change, ctx);
    } catch (Exception e) {
      DeadLetters.rethrowIfTheJobs(e);
      // A profile the core cannot handle is forgotten, so it cannot fail every later notice.
      forget(change.residentId(), ctx.getCurrentKey());
      ctx.output(
          DeadLetters.TAG,
          DeadLetters.failed(
              Topics.PROFILES,
              change.residentId(),
              DeadLetters.describe(change.profile()),
              e,
              clock.instant()));
      return;
    }
    // Sent outside the try: a failure downstream (the job cancelled, a sink refusing) is the
    // job's to handle, never a reason to forget a sound profile.
    matches.forEach(out::collect);
  }

  private List<Match> changeProfile(ProfileChange change, Context ctx) throws Exception {
    ProfileIndex index = index(ctx.getCurrentKey());
    if (change.isDeletion()) {
      forget(change.residentId(), ctx.getCurrentKey());
      return List.of();
    }
    ResidentProfile profile = ProfileForMatching.of(change.profile());
    profiles.put(profile.id(), profileBytes.write(profile));
    index.put(profile);
    Instant now = clock.instant();
    var matches = new ArrayList<Match>();
    for (Notice live : liveNotices.values()) {
      Matching.match(live, profile, true, now).ifPresent(matches::add);
    }
    return matches;
  }

  @Override
  public void processElement2(ShardedNotice sharded, Context ctx, Collector<Match> out)
      throws Exception {
    try {
      matchNotice(sharded, ctx, out);
    } catch (Exception e) {
      DeadLetters.rethrowIfTheJobs(e);
      // Every shard receives the notice; one letter for it is enough.
      if (ctx.getCurrentKey() == 0) {
        ctx.output(
            DeadLetters.TAG,
            DeadLetters.failed(
                Topics.NOTICES,
                sharded.notice().id(),
                DeadLetters.describe(sharded.notice()),
                e,
                clock.instant()));
      }
    }
  }

  private void matchNotice(ShardedNotice sharded, Context ctx, Collector<Match> out)
      throws Exception {
    Notice received = sharded.notice();
    Notice notice = shared.computeIfAbsent(received.id() + '@' + received.version(), k -> received);
    Notice known = liveNotices.get(notice.id());
    if (known != null && known.version() >= notice.version()) {
      return; // a replay or an overtaken version
    }
    if (withdrawnUntil.contains(notice.id())) {
      return;
    }
    Instant now = clock.instant();
    if (notice.isWithdrawn()) {
      long until = notice.validity().until().toEpochMilli();
      withdrawnUntil.put(notice.id(), until);
      ctx.timerService().registerProcessingTimeTimer(until);
    }
    if (!Matching.isLive(notice, now)) {
      liveNotices.remove(notice.id());
      return;
    }
    liveNotices.put(notice.id(), notice);
    ctx.timerService().registerProcessingTimeTimer(notice.validity().until().toEpochMilli());
    // Only the residents the index finds eligible are looked at; Matching checks them again.
    var failed = new ArrayList<ResidentProfile>();
    for (ResidentProfile profile : index(ctx.getCurrentKey()).eligible(notice, now)) {
      Optional<Match> match;
      try {
        match = Matching.match(notice, profile, false, now);
      } catch (RuntimeException e) {
        // This resident's profile breaks the core: the notice still reaches everyone else.
        failed.add(profile);
        ctx.output(
            DeadLetters.TAG,
            DeadLetters.failed(
                Topics.PROFILES, profile.id(), DeadLetters.describe(profile), e, now));
        continue;
      }
      match.ifPresent(out::collect); // outside the try: see processElement1
    }
    for (ResidentProfile profile : failed) {
      forget(profile.id(), ctx.getCurrentKey());
    }
  }

  private void forget(String residentId, int shard) throws Exception {
    profiles.remove(residentId);
    index(shard).remove(residentId);
  }

  /** Drops the notices that are over, so a new profile is not matched against old news. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Match> out) throws Exception {
    Instant now = Instant.ofEpochMilli(timestamp);
    var over = new ArrayList<String>();
    for (Notice live : liveNotices.values()) {
      if (!Matching.isLive(live, now)) {
        over.add(live.id());
      }
    }
    for (String id : over) {
      liveNotices.remove(id);
    }
    var forgotten = new ArrayList<String>();
    for (var withdrawn : withdrawnUntil.entries()) {
      if (withdrawn.getValue() <= timestamp) {
        forgotten.add(withdrawn.getKey());
      }
    }
    for (String id : forgotten) {
      withdrawnUntil.remove(id);
    }
  }

  private ProfileIndex index(int shard) throws Exception {
    ProfileIndex index = indexes.get(shard);
    if (index == null) {
      index = new ProfileIndex();
      for (byte[] profile : profiles.values()) {
        index.put(profileBytes.read(profile));
      }
      indexes.put(shard, index);
    }
    return index;
  }
}
