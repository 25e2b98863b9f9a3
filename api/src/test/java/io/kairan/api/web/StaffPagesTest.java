package io.kairan.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.WholeApiTest;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The publisher console and the analyst workbench are static files anyone may read (they hold no
 * data; the API checks the token on every call they make), served with a policy that lets them load
 * scripts and call only this origin; nothing else is opened by them.
 */
@WholeApiTest
class StaffPagesTest {
  @Autowired MockMvc mvc;

  @Test
  void theConsoleTheWorkbenchTheirScriptsAndTheTownsAreReadWithoutAToken() throws Exception {
    for (String path :
        new String[] {
          "/console/index.html",
          "/console/console.js",
          "/console/audience.js",
          "/workbench/index.html",
          "/workbench/workbench.js",
          "/staff/kairan.js",
          "/staff/signin.js",
          "/staff/staff.css"
        }) {
      mvc.perform(MockMvcRequestBuilders.get(path))
          .andExpect(status().isOk())
          .andExpect(
              header()
                  .string(
                      "Content-Security-Policy",
                      Matchers.containsString("script-src 'self'; style-src 'self';")));
    }
    // The demo city's 262 towns, copied from samples/city by the build.
    String towns =
        mvc.perform(MockMvcRequestBuilders.get("/city/aizuwakamatsu_towns.csv"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(towns).startsWith("row_id,town,").contains(",北会津町").hasLineCount(263);
  }

  @Test
  void thePagesPathsTakeNoWritesAndSayItAsAProblem() throws Exception {
    mvc.perform(MockMvcRequestBuilders.post("/console/index.html"))
        .andExpect(status().isForbidden())
        .andExpect(
            header().string("Content-Type", Matchers.startsWith("application/problem+json")));
    mvc.perform(MockMvcRequestBuilders.put("/workbench/workbench.js"))
        .andExpect(status().isForbidden());
    mvc.perform(MockMvcRequestBuilders.delete("/staff/kairan.js"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theApiBesideThePagesStillWantsAToken() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/api/v1/rules")).andExpect(status().isUnauthorized());
    mvc.perform(MockMvcRequestBuilders.get("/api/v1/notices")).andExpect(status().isUnauthorized());
    // A path that is neither a page nor the API is still closed to anyone without a token.
    mvc.perform(MockMvcRequestBuilders.get("/consoles/index.html"))
        .andExpect(status().isUnauthorized());
  }
}
