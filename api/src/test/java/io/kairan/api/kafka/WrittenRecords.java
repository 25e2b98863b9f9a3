package io.kairan.api.kafka;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.kairan.model.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A stand-in for Kafka whose only job is to record what the API wrote, in order, so a test can read
 * it back as a restarted instance would.
 */
public final class WrittenRecords {
  /** One record: topic, key, the value as JSON (null for a tombstone) and the headers. */
  public record Written(String topic, String key, String json, Map<String, String> headers) {}

  public final List<Written> all = new ArrayList<>();
  public final RecordPublisher publisher = mock(RecordPublisher.class);

  public WrittenRecords() {
    doAnswer(
            call -> {
              Object value = call.getArgument(2);
              Map<String, String> headers = call.getArgument(3);
              all.add(
                  new Written(
                      call.getArgument(0),
                      call.getArgument(1),
                      value == null ? null : Json.write(value),
                      Map.copyOf(headers)));
              return null;
            })
        .when(publisher)
        .publish(any(), any(), any(), anyMap());
  }

  /** Hands each record written to the topic, key and JSON, to a reader, in order. */
  public void replay(String topic, BiConsumer<String, String> reader) {
    on(topic).forEach(w -> reader.accept(w.key(), w.json()));
  }

  /** The records written to one topic, in order. */
  public List<Written> on(String topic) {
    return all.stream().filter(w -> w.topic().equals(topic)).toList();
  }

  /** The values written to one topic, read as that type. */
  public <T> List<T> valuesOn(String topic, Class<T> type) {
    return on(topic).stream().map(w -> Json.read(w.json(), type)).toList();
  }
}
