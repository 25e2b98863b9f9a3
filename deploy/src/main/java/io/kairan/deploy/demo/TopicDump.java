package io.kairan.deploy.demo;

import io.kairan.ingest.publish.TopicReader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * deploy/topic.sh: what a topic holds, one record a line as {@code key<TAB>value} (the value is the
 * JSON as on the wire, {@code null} for a tombstone); without a topic, every topic and its size.
 */
public final class TopicDump {
  static final String USAGE =
      """
      usage: deploy/topic.sh                         every topic with its partitions and records
             deploy/topic.sh <topic> [--max N] [--key K] [--follow] [--bootstrap-servers HOST:PORT]
               from the beginning to the current end (--follow: then wait for more);
               --key K only records with that key""";

  private TopicDump() {}

  public static void main(String[] args) {
    CliArgs.run(
        USAGE,
        () -> {
          CliArgs cli =
              CliArgs.parse(
                  args, Set.of("--max", "--key", "--bootstrap-servers"), Set.of("--follow"));
          String kafka = bootstrapServers(cli);
          if (cli.positional().isEmpty()) {
            listTopics(kafka);
          } else if (cli.positional().size() == 1) {
            dump(kafka, cli.positional().get(0), cli);
          } else {
            throw new CliArgs.UsageException("one topic at a time");
          }
        });
  }

  /** The option, else the running stack's broker, else the README's local one. */
  static String bootstrapServers(CliArgs cli) {
    String given = cli.option("--bootstrap-servers", null);
    if (given != null) {
      return given;
    }
    try {
      return LocalStackEnv.read(LocalStackEnv.path()).kafka();
    } catch (IllegalStateException | java.io.IOException e) {
      return "127.0.0.1:9092";
    }
  }

  private static void dump(String kafka, String topic, CliArgs cli) {
    long max = cli.count("--max", Long.MAX_VALUE);
    String key = cli.option("--key", null);
    AtomicLong printed = new AtomicLong();
    LocalTopics.read(
        kafka,
        topic,
        cli.flag("--follow"),
        record -> {
          if (key == null || key.equals(record.key())) {
            System.out.println(record.key() + "\t" + record.value());
            return printed.incrementAndGet() < max;
          }
          return true;
        });
  }

  private static void listTopics(String kafka) {
    try (var consumer = TopicReader.consumer(kafka)) {
      var topics = consumer.listTopics();
      for (String topic : new TreeSet<>(topics.keySet())) {
        var partitions =
            topics.get(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        var begin = consumer.beginningOffsets(partitions);
        var end = consumer.endOffsets(partitions);
        long records = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        System.out.printf("%-24s %2d partitions %9d records%n", topic, partitions.size(), records);
      }
    } catch (TimeoutException e) {
      throw LocalTopics.unreachable(kafka);
    }
  }
}
