package io.kairan.api.device;

import io.kairan.api.kafka.BookReplay;
import io.kairan.model.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link DeviceBook} from devices.v1: read whole at start, then followed. */
@Configuration
class DeviceReplay {
  @Bean
  BookReplay devicesFollowed(DeviceBook book, KafkaProperties kafka) {
    return new BookReplay(Topics.DEVICES, "kairan-api-devices", kafka, book);
  }
}
