package io.kairan.api.coverage;

import io.kairan.api.kafka.OwnTopics;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every time an operator is given residents' ids, who, when, for which notice, how many and for
 * what stated purpose: written to operator-access.v1 (kept a year) before the list is answered, so
 * the city can account for each use of residents' data. When Kafka does not take the record, the
 * list is not given.
 */
@Component
public class OperatorAccessLog {
  public static final String TOPIC = Topics.OPERATOR_ACCESS;
  private static final Logger log = LoggerFactory.getLogger(OperatorAccessLog.class);
  private final RecordPublisher kafka;
  private final Clock clock;

  OperatorAccessLog(RecordPublisher kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  /** One access, as recorded. */
  public record Access(
      String operator,
      String municipalityCode,
      String noticeId,
      String purpose,
      int residents,
      Instant at) {}

  public Access record(
      String operator, String municipalityCode, String noticeId, String purpose, int residents) {
    Access access =
        new Access(operator, municipalityCode, noticeId, purpose, residents, clock.instant());
    kafka.publish(TOPIC, noticeId, access, Map.of());
    log.info(
        "operator {} of {} was given {} residents not reached by notice {}, purpose: {}",
        operator,
        municipalityCode,
        residents,
        noticeId,
        purpose);
    return access;
  }

  @Configuration
  static class Topic {
    @Bean
    NewTopic operatorAccess() {
      return OwnTopics.declare(TOPIC);
    }
  }
}
