package io.kairan.api.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.MovingClock;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.resident.EmailAddress;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An address for the fallback channel: mailed a link, verified by it, read, removed. */
@WebMvcTest(
    controllers = EmailController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  io.kairan.api.ResidentTestSupport.class,
  EmailTestSupport.class,
  EmailControllerTest.Settings.class
})
class EmailControllerTest {
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final Pattern LINK =
      Pattern.compile("http://127\\.0\\.0\\.1:8080/api/v1/email/verification\\?token=(\\S+)");

  @TestConfiguration
  static class Settings {
    @Bean
    @Primary
    MovingClock movingClock() {
      return new MovingClock(NOW);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired EmailBook emails;
  @Autowired MovingClock clock;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean JavaMailSender mail;

  @BeforeEach
  void mailsAreMessagesOfTheirOwn() {
    clock.set(NOW);
    when(mail.createMimeMessage()).thenAnswer(i -> new MimeMessage((Session) null));
  }

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  private ResultActions give(String resident, String address) throws Exception {
    return mvc.perform(
        put("/api/v1/me/email")
            .with(resident(resident))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"address\":\"" + address + "\"}"));
  }

  /** The mail sent, and the token of the link in it. */
  private String tokenOfTheMailTo(String address) throws Exception {
    ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
    verify(mail).send(sent.capture());
    MimeMessage message = sent.getValue();
    assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(address);
    Matcher link = LINK.matcher((String) message.getContent());
    assertThat(link.find()).as("a link in the mail").isTrue();
    return link.group(1);
  }

  /** What the resident does with the mail: opens the link, then presses the page's button. */
  private ResultActions confirm(String token) throws Exception {
    return mvc.perform(post("/api/v1/email/verification").queryParam("token", token));
  }

  @Test
  void openingTheLinkOnlyAsksToConfirmSoAMailScannerFetchingItVerifiesNothing() throws Exception {
    give("r-scan", "scan@example.jp").andExpect(status().isAccepted());
    String token = tokenOfTheMailTo("scan@example.jp");

    String page =
        mvc.perform(get("/api/v1/email/verification").param("token", token))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains(
            "<form method=\"post\" action=\"/api/v1/email/verification?token=" + token + "\">")
        .contains("scan@example.jp");
    assertThat(emails.get("r-scan").orElseThrow().isVerified()).isFalse();
    // Only the address waiting for its link was written, when it was given.
    verify(kafka, org.mockito.Mockito.times(1)).publish(eq(Topics.EMAILS), eq("r-scan"), any());
  }

  @Test
  void givingAnAddressMailsALinkThatVerifiesItForTheCallerAlone() throws Exception {
    give("r-give", "hanako@example.jp")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.verified").value(false))
        .andExpect(jsonPath("$.linkExpiresAt").value("2026-11-27T03:00:00Z"));
    String token = tokenOfTheMailTo("hanako@example.jp");
    // What is kept is the link's digest, never the secret itself.
    assertThat(emails.get("r-give").orElseThrow().verificationDigest())
        .isEqualTo(EmailController.digest(token))
        .isNotEqualTo(token);

    clock.advance(Duration.ofHours(2));
    confirm(token)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));

    EmailAddress verified = emails.get("r-give").orElseThrow();
    assertThat(verified.isVerified()).isTrue();
    assertThat(verified.verifiedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    verify(kafka).publish(Topics.EMAILS, "r-give", verified);
    mvc.perform(get("/api/v1/me/email").with(resident("r-give")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.address").value("hanako@example.jp"))
        .andExpect(jsonPath("$.verified").value(true));
    mvc.perform(get("/api/v1/me/email").with(resident("r-someone-else")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aLinkWorksOnce() throws Exception {
    give("r-once", "once@example.jp").andExpect(status().isAccepted());
    String token = tokenOfTheMailTo("once@example.jp");
    confirm(token).andExpect(status().isOk());

    confirm(token)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aLinkOlderThanADayIsGoneAndTheAddressStaysUnverified() throws Exception {
    give("r-late", "late@example.jp").andExpect(status().isAccepted());
    String token = tokenOfTheMailTo("late@example.jp");

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    confirm(token)
        .andExpect(status().isGone())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(emails.get("r-late").orElseThrow().isVerified()).isFalse();
    mvc.perform(get("/api/v1/email/verification").param("token", token))
        .andExpect(status().isGone());
  }

  @Test
  void aTokenThatIsNoLinksIs400AndAnUnknownOneIs404() throws Exception {
    mvc.perform(get("/api/v1/email/verification").param("token", "../../etc/passwd"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/email/verification")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/email/verification").param("token", "A".repeat(43)))
        .andExpect(status().isNotFound());
    confirm("../../etc/passwd").andExpect(status().isBadRequest());
    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void anAddressThatCouldCarryAHeaderIs400AndNothingIsMailedOrKept() throws Exception {
    give("r-bad", "hanako@example.jp\\r\\nBcc: all@example.jp")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("address:")));
    mvc.perform(
            put("/api/v1/me/email")
                .with(resident("r-bad"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest());

    verify(mail, never()).send(any(MimeMessage.class));
    verify(kafka, never()).publish(any(), any(), any());
    assertThat(emails.get("r-bad")).isEmpty();
  }

  @Test
  void anotherMailWithinAMinuteIs429WithRetryAfterAndAMinuteLaterIsSent() throws Exception {
    give("r-again", "first@example.jp").andExpect(status().isAccepted());

    clock.advance(Duration.ofSeconds(20));
    give("r-again", "second@example.jp")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "41"));
    assertThat(emails.get("r-again").orElseThrow().address()).isEqualTo("first@example.jp");

    clock.advance(Duration.ofSeconds(41));
    give("r-again", "second@example.jp").andExpect(status().isAccepted());
    assertThat(emails.get("r-again").orElseThrow().address()).isEqualTo("second@example.jp");
  }

  @Test
  void whenTheServerRefusesTheMailNothingIsKeptAndTheAnswerIs503() throws Exception {
    org.mockito.Mockito.doThrow(new MailSendException("550 mailbox unavailable"))
        .when(mail)
        .send(any(MimeMessage.class));

    give("r-refused", "refused@example.jp")
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
    assertThat(emails.get("r-refused")).isEmpty();
  }

  @Test
  void removingTheAddressWritesItsTombstone() throws Exception {
    emails.put(new EmailAddress("r-rm", "rm@example.jp", null, NOW, NOW));

    mvc.perform(delete("/api/v1/me/email").with(resident("r-rm")))
        .andExpect(status().isNoContent());

    verify(kafka).publish(eq(Topics.EMAILS), eq("r-rm"), isNull());
    assertThat(emails.get("r-rm")).isEmpty();
    mvc.perform(delete("/api/v1/me/email").with(resident("r-rm"))).andExpect(status().isNotFound());
  }
}
