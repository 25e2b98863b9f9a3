package io.kairan.deploy.demo;

import io.kairan.deploy.cli.Tool;
import io.kairan.ingest.publish.TopicReader;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * deploy/topic.sh: what a topic holds, one record a line as {@code key<TAB>value} (the value is the
 * JSON as on the wire, {@code null} for a tombstone); without a topic, every topic and its size.
 */
@Command(
    name = "deploy/topic.sh",
    customSynopsis = {
      "deploy/topic.sh",
      "       deploy/topic.sh <topic> [--max N] [--key K] [--follow]"
    },
    description = {
      "Without a topic: every topic with its partitions and records. With one: the topic from the"
          + " beginning to its current end, one key<TAB>value a line (the JSON as on the wire,"
          + " null for a tombstone). A plain consumer without a group: looking moves no service's"
          + " offsets."
    },
    sortOptions = false)
public final class TopicDump implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "TOPIC", description = "the topic; none: list them all")
  String topic;

  @Option(names = "--max", paramLabel = "N", description = "at most N records")
  Long max;

  @Option(names = "--key", paramLabel = "K", description = "only records with this key")
  String key;

  @Option(names = "--follow", description = "then wait for more records (Ctrl-C stops)")
  boolean follow;

  @Mixin Broker broker;

  @Mixin Tool.Help help;

  public static void main(String[] args) {
    Tool.main(new TopicDump(), args);
  }

  @Override
  public Integer call() {
    String kafka = broker.bootstrapServers();
    if (topic == null) {
      listTopics(kafka);
    } else {
      dump(kafka, Tool.positive("--max", max, Long.MAX_VALUE));
    }
    return Tool.DONE;
  }

  private void dump(String kafka, long max) {
    AtomicLong printed = new AtomicLong();
    LocalTopics.read(
        kafka,
        topic,
        follow,
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
