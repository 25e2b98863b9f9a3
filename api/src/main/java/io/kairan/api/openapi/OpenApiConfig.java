package io.kairan.api.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The document's fixed parts (title, the bearer scheme every call needs, the local stack's address
 * as its server, so the document does not depend on who asked for it) and the customizer that
 * completes every operation.
 */
@Configuration
@Import(ApiDocsSecurity.class)
public class OpenApiConfig {
  static final String LOCAL_STACK = "http://127.0.0.1:8080";

  static {
    // Each enum (Category, Severity, …) once, as a schema of its own that fields refer to, so a
    // generated client has one type per enum, not a copy in every class that uses it.
    ModelResolver.enumsAsRef = true;
  }

  @Bean
  OpenAPI kairanOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Kairan API")
                .version("v1")
                .description(
                    "Residents, departments, firms, operators and analysts of a Kairan city. Every"
                        + " call carries a bearer token (JWT) whose roles fit it; every error is an"
                        + " RFC 9457 problem document (application/problem+json)."))
        .servers(
            List.of(
                new Server().url(LOCAL_STACK).description("The local stack (deploy/run-local.sh)")))
        .components(
            new Components()
                .addSecuritySchemes(
                    ApiDocumentCustomizer.BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "A JWT of the city's identity provider (RS256 or ES256; issuer,"
                                + " audience and expiry checked), its subject the caller and its"
                                + " roles claim one of RESIDENT, DEPARTMENT, FIRM, ANALYST,"
                                + " OPERATOR; a publisher's and an operator's municipality_code"
                                + " binds them to their municipality.")))
        .addSecurityItem(new SecurityRequirement().addList(ApiDocumentCustomizer.BEARER));
  }

  @Bean
  ApiDocumentCustomizer apiDocumentCustomizer() {
    return new ApiDocumentCustomizer(
        OperationCatalog.load(), ProblemExamples.load(), Polymorphism.scan());
  }
}
