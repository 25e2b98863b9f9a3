package io.kairan.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole API as it starts, with its own settings file (kairan-api.yml) and its real security in
 * test mode (HS256 with {@link #SECRET}), every bean and controller, but no Kafka or Elasticsearch:
 * for what needs the application as served (its OpenAPI document, its actuator), not the brokers.
 * Closed after the class: its Kafka clients would otherwise keep retrying beside other tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.config.name=kairan-api",
      "kairan.security.test-hmac-secret=" + WholeApiTest.SECRET,
      // Nothing listens there.
      "spring.kafka.bootstrap-servers=127.0.0.1:9",
      "kairan.elasticsearch.url=http://127.0.0.1:9",
      "kairan.ledger.startup-wait=0s",
      "spring.kafka.admin.auto-create=false",
      "logging.level.org.apache.kafka=OFF"
    })
@AutoConfigureMockMvc
@DirtiesContext
public @interface WholeApiTest {
  String SECRET = "0123456789abcdef0123456789abcdef";
  String ISSUER = "kairan-local";
}
