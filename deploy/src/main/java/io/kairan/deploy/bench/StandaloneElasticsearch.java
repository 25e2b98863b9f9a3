package io.kairan.deploy.bench;

import io.kairan.deploy.elasticsearch.ElasticsearchServer;
import io.kairan.deploy.stack.Ports;
import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Elasticsearch baseline without the rest of the stack (--reach-only): the same server and
 * index as on the stack, started alone so the audience figures take minutes, not the whole run.
 */
final class StandaloneElasticsearch {
  private StandaloneElasticsearch() {}

  static AudienceTimings.Timed count(
      List<ResidentProfile> profiles, List<Notice> notices, Instant now, int[] reach, int rounds)
      throws Exception {
    Path dir = Files.createTempDirectory("kairan-bench-es-");
    // Elasticsearch runs as another user and must be able to reach its directory inside this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path distribution =
        Path.of(
            System.getProperty("kairan.elasticsearch.home", "deploy/target/elasticsearch-8.19.21"));
    try (ElasticsearchServer server =
            ElasticsearchServer.start(
                distribution, dir.resolve("elasticsearch"), Ports.free(), "512m");
        var es = new ElasticsearchAudiences(server.url())) {
      return es.loadAndTime(profiles, notices, now, reach, rounds);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
