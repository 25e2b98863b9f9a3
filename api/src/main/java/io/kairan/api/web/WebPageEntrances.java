package io.kairan.api.web;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' addresses as people type them: {@code /app/} (and {@code /app}) open the resident
 * app's index.html, and so do the console's and the workbench's; and the app's manifest goes out as
 * one, so a phone offers to install it.
 */
@Configuration
class WebPageEntrances implements WebMvcConfigurer {
  static final String[] PAGES = {"app", "console", "workbench"};

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : PAGES) {
      registry.addRedirectViewController("/" + page, "/" + page + "/");
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
    }
  }

  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webManifestType() {
    return factory -> {
      MimeMappings mappings = new MimeMappings();
      mappings.add("webmanifest", "application/manifest+json");
      factory.addMimeMappings(mappings);
    };
  }
}
