package io.kairan.recommender.job;

import io.kairan.model.notice.Notice;
import io.kairan.recommender.job.types.NoticeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A notice version addressed to one shard; the notice travels in its own binary form. */
public record ShardedNotice(int shard, @TypeInfo(NoticeTypeInfo.Factory.class) Notice notice) {}
