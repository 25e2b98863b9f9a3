package io.kairan.api.demo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The local stack's demo sign-in exists only where {@code kairan.demo.sign-in.enabled} is true: a
 * production API maps none of it and refuses its paths like any unknown one.
 */
class DemoSignInTest {
  static final String SECRET = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef";

  /** Two accounts, the second's token fixed, as the local stack's would be minted. */
  @TestConfiguration
  static class TwoAccounts {
    @Bean
    DemoSignIn demoSignIn() {
      return new DemoSignIn() {
        @Override
        public List<DemoAccount> accounts() {
          return List.of(
              new DemoAccount("newcomer", "RESIDENT", "新しい住民"),
              new DemoAccount("city-analytics", "ANALYST", "分析担当"));
        }

        @Override
        public Optional<DemoToken> signIn(String id) {
          return id.equals("city-analytics")
              ? Optional.of(new DemoToken("t-analyst", "city-analytics", "ANALYST"))
              : Optional.empty();
        }
      };
    }
  }

  @Nested
  @WebMvcTest(
      controllers = DemoSignInController.class,
      properties = {SECRET, "kairan.demo.sign-in.enabled=true"})
  @Import({
    io.kairan.api.security.SecurityTestSupport.class,
    io.kairan.api.app.ResidentAppSecurity.class,
    TwoAccounts.class
  })
  class OnTheLocalStack {
    @Autowired MockMvc mvc;

    @Test
    void thePageAndTheAccountsNeedNoToken() throws Exception {
      mvc.perform(get("/demo/sign-in"))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
          .andExpect(content().string(containsString("/demo/sign-in/page.js")));
      mvc.perform(get("/demo/sign-in/page.js"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("/demo/sign-in/token")));
      mvc.perform(get("/demo/sign-in/accounts"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$[0].id").value("newcomer"))
          .andExpect(jsonPath("$[1].role").value("ANALYST"));
    }

    @Test
    void anAccountGetsItsTokenAndAnUnknownOneIsANotFoundProblem() throws Exception {
      mvc.perform(
              post("/demo/sign-in/token")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"account\":\"city-analytics\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.token").value("t-analyst"))
          .andExpect(jsonPath("$.subject").value("city-analytics"));
      mvc.perform(
              post("/demo/sign-in/token")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"account\":\"mayor\"}"))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Nested
  @WebMvcTest(controllers = DemoSignInController.class, properties = SECRET)
  @Import({
    io.kairan.api.security.SecurityTestSupport.class,
    io.kairan.api.app.ResidentAppSecurity.class,
    TwoAccounts.class
  })
  class InProduction {
    @Autowired MockMvc mvc;

    @Test
    void nothingOfItIsServedEvenWithADemoSignInBeanPresent() throws Exception {
      for (String path :
          List.of("/demo/sign-in", "/demo/sign-in/accounts", "/demo/sign-in/page.js")) {
        // The API's own chain: without a token it asks for one, as for any path it does not serve.
        mvc.perform(get(path))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
      mvc.perform(
              post("/demo/sign-in/token")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"account\":\"city-analytics\"}"))
          .andExpect(status().isUnauthorized())
          .andExpect(content().string(not(containsString("t-analyst"))));
    }
  }
}
