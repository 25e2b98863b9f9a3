package io.kairan.ingest.site;

import io.kairan.ingest.publish.KafkaNoticeSink;
import io.kairan.ingest.publish.TopicReader;
import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A municipality's lists onto sites.v1: every site listed (the same site again changes nothing the
 * job sees), a tombstone for each site of that municipality the topic still has but the lists no
 * longer do, and each refused row to sites.dlq with its reason.
 */
public final class SitesOnTopic {
  /** What a run did. */
  public record Published(int sites, int removed, int refused) {}

  private SitesOnTopic() {}

  /**
   * Publishes the sites read from the files of {@code kinds}; removes the municipality's sites of
   * those kinds no longer listed, but only when no row was refused: a file read in part is no
   * reason to take sites away from residents.
   */
  public static Published publish(
      String bootstrapServers,
      String municipalityCode,
      Set<SiteKind> kinds,
      List<EvacuationSite> sites,
      List<GsiSiteFile.Refused> refused,
      Instant at) {
    Set<String> listed = new HashSet<>();
    sites.forEach(s -> listed.add(s.id()));
    List<String> gone =
        refused.isEmpty()
            ? gone(onTopic(bootstrapServers, municipalityCode), listed, kinds)
            : List.of();
    try (var producer = KafkaNoticeSink.reliableProducer(bootstrapServers)) {
      var acks = new ArrayList<Future<RecordMetadata>>();
      for (EvacuationSite site : sites) {
        acks.add(producer.send(new ProducerRecord<>(Topics.SITES, site.id(), Json.write(site))));
      }
      for (String id : gone) {
        acks.add(producer.send(new ProducerRecord<>(Topics.SITES, id, null)));
      }
      for (GsiSiteFile.Refused row : refused) {
        var letter =
            new DeadLetter(
                Topics.SITES,
                row.id(),
                "line " + row.line(),
                row.reason(),
                "kairan-ingest sites",
                at);
        acks.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.deadLetter(Topics.SITES), row.id(), Json.write(letter))));
      }
      producer.flush();
      for (var ack : acks) {
        ack.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
    }
    return new Published(sites.size(), gone.size(), refused.size());
  }

  /** The sites on the topic, of the kinds whose files were read, that the files no longer list. */
  static List<String> gone(Set<String> onTopic, Set<String> listed, Set<SiteKind> kinds) {
    List<String> gone = new ArrayList<>();
    for (String id : new java.util.TreeSet<>(onTopic)) {
      boolean ofAKindRead = kinds.stream().anyMatch(k -> id.startsWith(GsiSiteFile.idOf(k, "")));
      if (ofAKindRead && !listed.contains(id)) {
        gone.add(id);
      }
    }
    return gone;
  }

  /** The ids of the municipality's sites the topic holds now (the latest record per key). */
  static Set<String> onTopic(String bootstrapServers, String municipalityCode) {
    var latest = new java.util.HashMap<String, String>();
    try (var consumer = TopicReader.consumer(bootstrapServers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.SITES, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null) {
            latest.put(r.key(), r.value());
          }
        }
      }
    }
    Set<String> ids = new HashSet<>();
    latest.forEach(
        (id, json) -> {
          if (json != null && municipalityCode.equals(siteMunicipality(json))) {
            ids.add(id);
          }
        });
    return ids;
  }

  private static String siteMunicipality(String json) {
    try {
      return Json.read(json, EvacuationSite.class).municipalityCode();
    } catch (RuntimeException e) {
      return null; // the job dead-letters what it cannot read; it is no site of anyone's
    }
  }
}
