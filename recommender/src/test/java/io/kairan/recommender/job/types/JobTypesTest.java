package io.kairan.recommender.job.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kairan.model.DeadLetter;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.decide.PushDay;
import io.kairan.recommender.job.Control;
import io.kairan.recommender.job.ProfileChange;
import io.kairan.recommender.job.RawRecord;
import io.kairan.recommender.job.ResidentEvent;
import io.kairan.recommender.job.ShardedNotice;
import io.kairan.recommender.match.Match;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Every type on the job's wire or in its state serializes without Kryo. */
class JobTypesTest {

  @Test
  void everyTypeOnTheWireAndInStateHasASerializerWithGenericTypesOff() {
    var noKryo = new SerializerConfigImpl();
    noKryo.setGenericTypes(false);
    for (Class<?> type :
        List.of(
            RawRecord.class,
            ShardedNotice.class,
            ProfileChange.class,
            ResidentProfile.class,
            Feedback.class,
            Control.class,
            RuleSet.class,
            Match.class,
            ResidentEvent.class,
            PushDay.class,
            Delivery.class,
            DeadLetter.class)) {
      assertThatCode(() -> TypeInformation.of(type).createSerializer(noKryo))
          .as(type.getSimpleName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aShardedNoticeCarriesItsNoticeWithTheNoticesOwnSerializer() {
    var sharded = (PojoTypeInfo<ShardedNotice>) TypeInformation.of(ShardedNotice.class);

    assertThat(sharded.getTypeAt(sharded.getFieldIndex("notice")))
        .isEqualTo(NoticeTypeInfo.INSTANCE);
  }
}
