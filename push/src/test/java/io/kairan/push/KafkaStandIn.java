package io.kairan.push;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * kafka-clients' MockProducer answering every write on a thread of its own, as a broker would some
 * time after the send: it acknowledges, or refuses while told to. Before answering a write it runs
 * a hook, so a test can see what else had happened by then.
 */
public final class KafkaStandIn implements AutoCloseable {
  private final Semaphore unanswered = new Semaphore(0);
  private final MockProducer<String, String> producer = new Shared(unanswered);
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final List<ProducerRecord<String, String>> acknowledged = new ArrayList<>();
  private volatile Runnable beforeAnswer = () -> {};
  private volatile boolean running = true;
  private final Thread answers = new Thread(this::answer, "kafka-stand-in");

  /** KafkaTemplate closes a producer after each send; a real factory hands out a shared one. */
  private static final class Shared extends MockProducer<String, String> {
    private final Semaphore unanswered;

    Shared(Semaphore unanswered) {
      super(false, null, new StringSerializer(), new StringSerializer());
      this.unanswered = unanswered;
    }

    /** Each send wakes the answering thread, as a write reaches a broker. */
    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, String> record, Callback callback) {
      Future<RecordMetadata> future = super.send(record, callback);
      unanswered.release();
      return future;
    }

    @Override
    public void close() {}

    @Override
    public void close(java.time.Duration timeout) {}
  }

  public KafkaStandIn() {
    answers.setDaemon(true);
    answers.start();
  }

  public KafkaTemplate<String, String> template() {
    return new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
  }

  /** From now on every write is refused (RecordTooLargeException), or acknowledged again. */
  public void refuse(boolean refuse) {
    refusing.set(refuse);
  }

  public void beforeEachAnswer(Runnable hook) {
    beforeAnswer = hook;
  }

  /** The writes acknowledged so far, in order. */
  public synchronized List<ProducerRecord<String, String>> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** The acknowledged writes to one topic. */
  public List<ProducerRecord<String, String>> acknowledged(String topic) {
    return acknowledged().stream().filter(r -> r.topic().equals(topic)).toList();
  }

  private void answer() {
    int answered = 0;
    while (running) {
      try {
        unanswered.acquire();
      } catch (InterruptedException e) {
        return;
      }
      ProducerRecord<String, String> next = producer.history().get(answered);
      beforeAnswer.run();
      if (refusing.get()) {
        producer.errorNext(new RecordTooLargeException("refused by the test's broker"));
      } else {
        synchronized (this) { // listed before the sender learns of it
          acknowledged.add(next);
        }
        producer.completeNext();
      }
      answered++;
    }
  }

  @Override
  public void close() {
    running = false;
    answers.interrupt();
  }
}
