package io.kairan.deploy.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the running local stack is and how its identity provider signs tokens (the key file, the
 * issuer and audience the API checks), written by the launcher to {@code
 * deploy/target/local-stack.env} so the command-line tools (token.sh, topic.sh, residents.sh) need
 * no Maven build and no copied secrets. Shell syntax, so {@code source} works on it too.
 */
public record LocalStackEnv(
    String kafka,
    String apiUrl,
    String pushUrl,
    String fcmUrl,
    String signingKey,
    String issuer,
    String audience) {

  /**
   * Beside the runtime classpath file (deploy/target), which the launcher and the scripts are both
   * given as an absolute or repository-relative path, whatever their working directory.
   */
  public static Path path() {
    return Path.of(System.getProperty("kairan.classpath.file", "deploy/target/runtime.classpath"))
        .resolveSibling("local-stack.env");
  }

  /** Writes the file readable by this user only: it says where the stack's signing key is. */
  public void write(Path file) throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("KAIRAN_KAFKA", kafka);
    lines.put("KAIRAN_API", apiUrl);
    lines.put("KAIRAN_PUSH", pushUrl);
    lines.put("KAIRAN_FCM", fcmUrl);
    lines.put("KAIRAN_SIGNING_KEY", signingKey);
    lines.put("KAIRAN_TOKEN_ISSUER", issuer);
    lines.put("KAIRAN_TOKEN_AUDIENCE", audience);
    StringBuilder text = new StringBuilder("# The running local stack; removed when it stops.\n");
    lines.forEach((k, v) -> text.append(k).append("='").append(v).append("'\n"));
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }

  /** Reads the file; a missing file means the stack is not running. */
  public static LocalStackEnv read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file
              + " is missing: start the stack first (./deploy/run-local.sh); it writes the file"
              + " once it is up and removes it when it stops");
    }
    Properties p = new Properties();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        p.setProperty(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
      }
    }
    return new LocalStackEnv(
        p.getProperty("KAIRAN_KAFKA"),
        p.getProperty("KAIRAN_API"),
        p.getProperty("KAIRAN_PUSH"),
        p.getProperty("KAIRAN_FCM"),
        p.getProperty("KAIRAN_SIGNING_KEY"),
        p.getProperty("KAIRAN_TOKEN_ISSUER"),
        p.getProperty("KAIRAN_TOKEN_AUDIENCE"));
  }
}
