package io.kairan.api.health;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.WholeApiTest;
import io.kairan.testkit.tokens.TokenIssuer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator as the API serves it, with its real security: probes for anyone, Prometheus metrics
 * like the others only for an analyst's or operator's token; with no broker, readiness names Kafka
 * as the reason it is not ready.
 */
@WholeApiTest
class ActuatorEndpointsTest {
  @Autowired MockMvc mvc;

  private final TokenIssuer tokens = new TokenIssuer(WholeApiTest.SECRET, WholeApiTest.ISSUER);

  private String bearer(String role) {
    return "Bearer " + tokens.token(role.toLowerCase() + "-1", role, Map.of());
  }

  @Test
  void prometheusMetricsNeedAnAnalystsOrOperatorsToken() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("RESIDENT")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("DEPARTMENT")))
        .andExpect(status().isForbidden());
    for (String role : new String[] {"ANALYST", "OPERATOR"}) {
      mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(role)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("# TYPE jvm_threads_live_threads gauge")));
    }
  }

  @Test
  void livenessAnswersAnyoneUpWhileReadinessIsDownWithKafkaDown() throws Exception {
    mvc.perform(get("/actuator/health/liveness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.components.kafka.status").value("DOWN"))
        .andExpect(jsonPath("$.components.elasticsearch").doesNotExist());
  }

  @Test
  void theWholeHealthShowsElasticsearchDownToAnOperator() throws Exception {
    mvc.perform(get("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer("OPERATOR")))
        .andExpect(jsonPath("$.components.elasticsearch.status").value("DOWN"))
        .andExpect(jsonPath("$.components.kafka.status").value("DOWN"));
  }
}
