package io.kairan.api.demo;

import io.kairan.api.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local stack's sign-in page ({@code GET /demo/sign-in}), the accounts it offers and the token
 * for one of them. Exists only with {@code kairan.demo.sign-in.enabled=true}; without a {@link
 * DemoSignIn} bean the API then refuses to start rather than offer a sign-in that cannot work. Left
 * out of the API's OpenAPI document: no city's app calls it.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = DemoSignInController.ENABLED, havingValue = "true")
class DemoSignInController {
  static final String ENABLED = "kairan.demo.sign-in.enabled";

  private final DemoSignIn signIn;

  DemoSignInController(DemoSignIn signIn) {
    this.signIn = signIn;
  }

  @GetMapping(value = "/demo/sign-in", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page() throws IOException {
    return file("sign-in.html", MediaType.TEXT_HTML);
  }

  /** Its script and style, files of their own: the policy lets no inline script run. */
  @GetMapping("/demo/sign-in/page.js")
  ResponseEntity<String> script() throws IOException {
    return file("sign-in.js", new MediaType("text", "javascript"));
  }

  @GetMapping("/demo/sign-in/page.css")
  ResponseEntity<String> style() throws IOException {
    return file("sign-in.css", new MediaType("text", "css"));
  }

  private static ResponseEntity<String> file(String name, MediaType type) throws IOException {
    try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
      return ResponseEntity.ok()
          .contentType(new MediaType(type, StandardCharsets.UTF_8))
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @GetMapping("/demo/sign-in/accounts")
  List<DemoSignIn.DemoAccount> accounts() {
    return signIn.accounts();
  }

  record Choice(String account) {}

  @PostMapping("/demo/sign-in/token")
  DemoSignIn.DemoToken token(@RequestBody Choice choice) {
    String id = choice == null ? null : choice.account();
    return signIn
        .signIn(id == null ? "" : id)
        .orElseThrow(() -> new NotFoundException("no demo account " + id));
  }
}
