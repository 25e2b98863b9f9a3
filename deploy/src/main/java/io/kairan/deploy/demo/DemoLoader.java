package io.kairan.deploy.demo;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.ingest.site.GsiSiteFile;
import io.kairan.ingest.site.SitesOnTopic;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.EmailAddress;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Loads the demo city into a running stack: residents, their devices (a tenth have none) and some
 * verified e-mail addresses straight onto Kafka (as a bulk migration would), then notices through
 * the API as a department posts them.
 */
public final class DemoLoader {
  private DemoLoader() {}

  public static List<ResidentProfile> residents(Path samples, int count, Instant now)
      throws java.io.IOException {
    return SyntheticResidents.generate(
        Town.load(samples.resolve("city/aizuwakamatsu_towns.csv")), count, 72028, now);
  }

  /**
   * Whether a demo resident has a phone: all but those whose id ends in 7 (a tenth), so an
   * emergency's coverage shows residents no push can reach.
   */
  public static boolean hasDevice(ResidentProfile resident) {
    return !resident.id().endsWith("7");
  }

  /**
   * The verified e-mail address of a demo resident without a phone whose id's tens digit is even
   * (half of them): the fallback channel reaches these, and not the others.
   */
  public static java.util.Optional<EmailAddress> emailOf(ResidentProfile resident, Instant now) {
    String id = resident.id();
    boolean evenTens = id.length() >= 2 && (id.charAt(id.length() - 2) - '0') % 2 == 0;
    if (hasDevice(resident) || !evenTens) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new EmailAddress(id, id + "@example.jp", null, now, now));
  }

  /** The demo device of a resident: one Android phone whose token names its owner. */
  public static Device deviceOf(ResidentProfile resident, Instant now) {
    return new Device(
        "device-" + resident.id(),
        resident.id(),
        "demo-token-" + resident.id(),
        Platform.ANDROID,
        resident.languages().get(0),
        now);
  }

  public static void publishResidents(
      String bootstrapServers, List<ResidentProfile> residents, Instant now) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all",
            // A bulk load: batch generously.
            ProducerConfig.LINGER_MS_CONFIG,
            20);
    try (var producer = new KafkaProducer<String, String>(config)) {
      for (ResidentProfile resident : residents) {
        if (hasDevice(resident)) {
          Device device = deviceOf(resident, now);
          producer.send(new ProducerRecord<>(Topics.DEVICES, device.id(), Json.write(device)));
        }
        emailOf(resident, now)
            .ifPresent(
                e ->
                    producer.send(
                        new ProducerRecord<>(Topics.EMAILS, e.residentId(), Json.write(e))));
        producer.send(new ProducerRecord<>(Topics.PROFILES, resident.id(), Json.write(resident)));
      }
      producer.flush();
    }
  }

  /**
   * The demo city's evacuation sites and shelters onto sites.v1, as {@code kairan-ingest sites}
   * loads a city's own files; the files must read whole.
   */
  public static void publishSites(String bootstrapServers, Path samples, Instant now)
      throws java.io.IOException {
    var sites = new ArrayList<EvacuationSite>();
    for (var file :
        Map.of(
                "city/aizuwakamatsu_designated_emergency_evacuation_sites.csv",
                SiteKind.EVACUATION_SITE,
                "city/aizuwakamatsu_designated_shelters.csv",
                SiteKind.SHELTER)
            .entrySet()) {
      var read =
          GsiSiteFile.read(
              Files.readAllBytes(samples.resolve(file.getKey())), file.getValue(), "072028");
      if (!read.refused().isEmpty()) {
        throw new IllegalStateException(file.getKey() + " has refused rows: " + read.refused());
      }
      sites.addAll(read.sites());
    }
    SitesOnTopic.publish(
        bootstrapServers, "072028", java.util.EnumSet.allOf(SiteKind.class), sites, List.of(), now);
  }

  /** Posts the demo notices as the city's departments; fails on the first refusal. */
  public static void postNotices(LocalStack stack, Instant now) throws Exception {
    postNotices(stack.apiUrl(), stack.tokens(), now);
  }

  /** The same, to any Kairan API whose identity provider the tokens come from. */
  public static void postNotices(String apiUrl, TokenIssuer tokens, Instant now) throws Exception {
    ApiClient api = new ApiClient(apiUrl);
    String department = DemoTokens.DEPARTMENT.mint(tokens);
    for (NoticeDraft draft : DemoNotices.all(now)) {
      var response = api.post("/api/v1/notices", department, draft);
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "demo notice refused: " + response.statusCode() + " " + response.body());
      }
    }
  }
}
