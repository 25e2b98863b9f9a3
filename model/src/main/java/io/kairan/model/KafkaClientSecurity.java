package io.kairan.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * TLS and SASL for every Kafka client of Kairan (the job, the API, push, ingest, the deploy tools),
 * from configuration: the environment variables below, or properties of the same names. Each module
 * adds {@link #properties()} to its clients' settings in one place. Nothing set: plaintext, as on
 * the local stack. {@link #toString()} never shows a password or a JAAS line.
 */
public final class KafkaClientSecurity {
  public static final String PROTOCOL = "KAFKA_SECURITY_PROTOCOL";
  public static final String MECHANISM = "KAFKA_SASL_MECHANISM";
  public static final String USERNAME = "KAFKA_SASL_USERNAME";
  public static final String PASSWORD = "KAFKA_SASL_PASSWORD";
  public static final String JAAS_CONFIG = "KAFKA_SASL_JAAS_CONFIG";
  public static final String TRUSTSTORE = "KAFKA_SSL_TRUSTSTORE_LOCATION";
  public static final String TRUSTSTORE_PASSWORD = "KAFKA_SSL_TRUSTSTORE_PASSWORD";
  public static final String TRUSTSTORE_TYPE = "KAFKA_SSL_TRUSTSTORE_TYPE";

  /** Every setting read, for documentation and for the manifests' check. */
  public static final List<String> VARIABLES =
      List.of(
          PROTOCOL,
          MECHANISM,
          USERNAME,
          PASSWORD,
          JAAS_CONFIG,
          TRUSTSTORE,
          TRUSTSTORE_PASSWORD,
          TRUSTSTORE_TYPE);

  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Map<String, String> LOGIN_MODULES =
      Map.of(
          "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule",
          "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
          "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

  private final Map<String, String> properties;
  private final String description;

  private KafkaClientSecurity(Map<String, String> properties, String description) {
    this.properties = Map.copyOf(properties);
    this.description = description;
  }

  /** From the process's environment. */
  public static KafkaClientSecurity fromEnvironment() {
    return from(System::getenv);
  }

  /**
   * From any lookup of the settings by name (the environment, Spring's Environment, a map).
   *
   * @throws IllegalArgumentException naming the setting that is missing, unknown or contradicts
   *     another, so a misconfigured client fails at start and never falls back to plaintext
   */
  public static KafkaClientSecurity from(Function<String, String> lookup) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : VARIABLES) {
      String value = lookup.apply(name);
      if (value != null && !value.isBlank()) {
        given.put(name, value.strip());
      }
    }
    String protocol = given.getOrDefault(PROTOCOL, "PLAINTEXT").toUpperCase(java.util.Locale.ROOT);
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException(
          PROTOCOL
              + " is "
              + given.get(PROTOCOL)
              + "; expected one of "
              + new java.util.TreeSet<>(PROTOCOLS));
    }
    boolean sasl = protocol.startsWith("SASL_");
    boolean tls = protocol.endsWith("SSL");
    Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", protocol);
    StringBuilder description = new StringBuilder(protocol);
    for (String name : given.keySet()) {
      boolean unused =
          (!sasl && name.startsWith("KAFKA_SASL_")) || (!tls && name.startsWith("KAFKA_SSL_"));
      if (unused) {
        // Set yet ignored would connect without what the operator asked for: refused instead.
        throw new IllegalArgumentException(
            "%s is set but %s is %s: set it to %s for it to be used"
                .formatted(
                    name,
                    PROTOCOL,
                    protocol,
                    name.startsWith("KAFKA_SASL_")
                        ? "SASL_SSL (or SASL_PLAINTEXT)"
                        : "SASL_SSL (or SSL)"));
      }
    }
    if (sasl) {
      description.append(", ").append(sasl(given, props));
    }
    if (tls) {
      description.append(trustStore(given, props));
    }
    return new KafkaClientSecurity(props, description.toString());
  }

  private static String sasl(Map<String, String> given, Map<String, String> props) {
    String mechanism = given.get(MECHANISM);
    if (mechanism == null) {
      throw new IllegalArgumentException(
          MECHANISM + " is not set; with SASL it names the mechanism, e.g. SCRAM-SHA-512");
    }
    props.put("sasl.mechanism", mechanism);
    String jaas = given.get(JAAS_CONFIG);
    String user = given.get(USERNAME);
    String password = given.get(PASSWORD);
    if (jaas != null) {
      if (user != null || password != null) {
        throw new IllegalArgumentException(
            "both " + JAAS_CONFIG + " and " + USERNAME + "/" + PASSWORD + " are set; set one");
      }
      props.put("sasl.jaas.config", jaas);
      return mechanism + " with the JAAS configuration given";
    }
    if (user == null || password == null) {
      throw new IllegalArgumentException(
          (user == null ? USERNAME : PASSWORD)
              + " is not set; SASL needs "
              + USERNAME
              + " and "
              + PASSWORD
              + " (or "
              + JAAS_CONFIG
              + ")");
    }
    String module = LOGIN_MODULES.get(mechanism);
    if (module == null) {
      throw new IllegalArgumentException(
          MECHANISM
              + " is "
              + mechanism
              + ": a user name and password work with "
              + new java.util.TreeSet<>(LOGIN_MODULES.keySet())
              + "; for others set "
              + JAAS_CONFIG);
    }
    props.put(
        "sasl.jaas.config",
        module + " required username=" + quoted(user) + " password=" + quoted(password) + ";");
    return mechanism + " as " + user;
  }

  private static String trustStore(Map<String, String> given, Map<String, String> props) {
    String location = given.get(TRUSTSTORE);
    if (location == null) {
      if (given.containsKey(TRUSTSTORE_PASSWORD) || given.containsKey(TRUSTSTORE_TYPE)) {
        throw new IllegalArgumentException(TRUSTSTORE + " is not set, yet its password or type is");
      }
      return ", the JDK's trusted CAs";
    }
    if (!Files.isReadable(Path.of(location))) {
      throw new IllegalArgumentException(
          TRUSTSTORE + " names " + location + ", which is not a readable file");
    }
    props.put("ssl.truststore.location", location);
    String type =
        given.getOrDefault(
            TRUSTSTORE_TYPE,
            location.endsWith(".crt") || location.endsWith(".pem") ? "PEM" : "PKCS12");
    props.put("ssl.truststore.type", type);
    if (given.containsKey(TRUSTSTORE_PASSWORD)) {
      props.put("ssl.truststore.password", given.get(TRUSTSTORE_PASSWORD));
    }
    return ", trusting " + location + " (" + type + ")";
  }

  /** A JAAS option value in quotes, with the quote and the backslash escaped. */
  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The client properties to add to a producer's, consumer's or admin client's settings. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Plaintext: nothing configured. */
  public boolean isPlaintext() {
    return properties.get("security.protocol").equals("PLAINTEXT");
  }

  /** What the client will do, without any secret: e.g. "SASL_SSL, SCRAM-SHA-512 as kairan-api". */
  @Override
  public String toString() {
    return description;
  }
}
