package io.kairan.api.web;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.WholeApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The pages open at the addresses people type, without a token. */
@WholeApiTest
class WebPageEntrancesTest {
  @Autowired MockMvc mvc;

  @Test
  void eachPagesFolderOpensItsIndexAndTheBareNameRedirectsToTheFolder() throws Exception {
    for (String page : new String[] {"app", "console", "workbench"}) {
      mvc.perform(MockMvcRequestBuilders.get("/" + page + "/"))
          .andExpect(status().isOk())
          .andExpect(forwardedUrl("/" + page + "/index.html"));
      mvc.perform(MockMvcRequestBuilders.get("/" + page))
          .andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl("/" + page + "/"));
    }
  }
}
