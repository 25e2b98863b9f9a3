package io.kairan.api.search;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The search call's contract: what it asks of the search (whose results come from Elasticsearch,
 * shown in ResidentSearchIT) and how it answers; every bad parameter a problem naming it, the
 * search never asked.
 */
@WebMvcTest(
    controllers = SearchController.class,
    properties = {
      "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef",
      "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef"
    })
@Import(io.kairan.api.security.SecurityTestSupport.class)
class SearchControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean NoticeSearch search;

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  private static NoticeSearch.Found found(String id, Map<String, String> title) {
    return new NoticeSearch.Found(
        TestNotices.notice(id, title, Map.of("ja", "11月30日までに申請してください。")), 1.5);
  }

  @Test
  void theCallerSearchesTheirOwnNoticesAPagePlusOneAtATime() throws Exception {
    when(search.search("r-42", "児童手当", 40, 21)).thenReturn(List.of());

    mvc.perform(
            get("/api/v1/me/search").param("q", " 児童手当 ").param("page", "2").with(resident("r-42")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.q").value("児童手当"))
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.next").isEmpty())
        .andExpect(jsonPath("$.items").isEmpty());

    verify(search).search("r-42", "児童手当", 40, 21);
  }

  @Test
  void oneMoreFoundThanAPageMeansANextPageAndIsNotShown() throws Exception {
    when(search.search("r-42", "申請", 0, 3))
        .thenReturn(
            List.of(
                found("n-1", Map.of("ja", "児童手当の申請")),
                found("n-2", Map.of("ja", "保育園の申請")),
                found("n-3", Map.of("ja", "予防接種の申請"))));

    mvc.perform(get("/api/v1/me/search").param("q", "申請").param("size", "2").with(resident("r-42")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.next").value(1))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].noticeId").value("n-1"))
        .andExpect(jsonPath("$.items[1].noticeId").value("n-2"));
  }

  @Test
  void eachNoticeIsInTheReadersLanguagesThenEasyJapaneseThenJapanese() throws Exception {
    when(search.search("r-42", "手当", 0, 21))
        .thenReturn(
            List.of(
                found(
                    "n-en",
                    Map.of("ja", "児童手当の申請", "ja-x-easy", "こどもの てあて", "en", "Child allowance")),
                found("n-easy", Map.of("ja", "児童扶養手当", "ja-x-easy", "ひとり親の てあて")),
                found("n-ja", Map.of("ja", "特別児童扶養手当"))));

    mvc.perform(
            get("/api/v1/me/search").param("q", "手当").param("lang", "en").with(resident("r-42")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].title").value("Child allowance"))
        .andExpect(jsonPath("$.items[1].title").value("ひとり親の てあて"))
        .andExpect(jsonPath("$.items[2].title").value("特別児童扶養手当"))
        .andExpect(jsonPath("$.items[2].body").value("11月30日までに申請してください。"))
        .andExpect(jsonPath("$.items[2].version").value(2))
        .andExpect(jsonPath("$.items[2].publisher").value("会津若松市 こども家庭課"))
        .andExpect(jsonPath("$.items[2].score").value(1.5));
  }

  @Test
  void aSearchWithoutQIsAProblem() throws Exception {
    mvc.perform(get("/api/v1/me/search").with(resident("r-42")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.errors[0]").value("q: required, the words to look for"));
    mvc.perform(get("/api/v1/me/search").param("q", "  ").with(resident("r-42")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("q: required, the words to look for"));

    verify(search, never()).search(anyString(), anyString(), anyInt(), anyInt());
  }

  @Test
  void aQueryOfMoreThanAHundredCharactersIsAProblemAndAHundredIsNot() throws Exception {
    // Counted in characters, not UTF-16 units: 𠮷 (U+20BB7) is one.
    String hundred = "𠮷".repeat(100);
    when(search.search("r-42", hundred, 0, 21)).thenReturn(List.of());

    mvc.perform(get("/api/v1/me/search").param("q", hundred + "児").with(resident("r-42")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("q: at most 100 characters"));
    verify(search, never()).search(anyString(), anyString(), anyInt(), anyInt());

    mvc.perform(get("/api/v1/me/search").param("q", hundred).with(resident("r-42")))
        .andExpect(status().isOk());
  }

  @Test
  void aSizeOutsideOneToFiftyAPageBelowZeroOrBeyondTheFirstThousandAreProblems() throws Exception {
    for (String[] bad :
        new String[][] {
          {"size", "0", "size: must be between 1 and 50"},
          {"size", "51", "size: must be between 1 and 50"},
          {"page", "-1", "page: must be 0 or more"},
          {"page", "50", "page: (page + 1) × size must be at most 1000"},
        }) {
      mvc.perform(
              get("/api/v1/me/search")
                  .param("q", "申請")
                  .param(bad[0], bad[1])
                  .with(resident("r-42")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0]").value(bad[2]));
    }
    verify(search, never()).search(anyString(), anyString(), anyInt(), anyInt());
  }

  @Test
  void languagesThatAreNotTagsAreAProblem() throws Exception {
    mvc.perform(
            get("/api/v1/me/search")
                .param("q", "申請")
                .param("lang", "en,日本語")
                .with(resident("r-42")))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0]")
                .value("lang: must be language tags separated by commas, such as en,ja-x-easy"));
    verify(search, never()).search(anyString(), anyString(), anyInt(), anyInt());
  }
}
