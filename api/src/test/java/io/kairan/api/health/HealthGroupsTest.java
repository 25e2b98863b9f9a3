package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.kairan.model.json.Json;
import java.security.Principal;
import java.time.Duration;
import java.util.Set;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The API's own settings file (kairan-api.yml) wires the job's health as the README says. */
class HealthGroupsTest {
  private final ApplicationContextRunner api =
      new ApplicationContextRunner()
          .withInitializer(
              context -> {
                try {
                  new YamlPropertySourceLoader()
                      .load("kairan-api.yml", new ClassPathResource("kairan-api.yml"))
                      .forEach(context.getEnvironment().getPropertySources()::addFirst);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .withConfiguration(
              AutoConfigurations.of(
                  ApplicationAvailabilityAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  AvailabilityHealthContributorAutoConfiguration.class,
                  AvailabilityProbesAutoConfiguration.class))
          .withBean(
              "recommenderJobHealthIndicator",
              HealthIndicator.class,
              () -> () -> Health.down().withDetail("state", "FAILED").build())
          .withBean(
              "noticeLedgerHealthIndicator",
              HealthIndicator.class,
              () -> () -> Health.outOfService().build())
          .withBean(
              "residentIndexHealthIndicator",
              HealthIndicator.class,
              () -> () -> Health.outOfService().build())
          .withBean("kafkaHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
          .withBean(
              "elasticsearchHealthIndicator",
              HealthIndicator.class,
              () -> () -> Health.down().build());

  @Test
  void theReadinessGroupHasTheRecommenderJobWithItsStateAndIsDownWhenTheJobIs() {
    api.run(
        context -> {
          assertThat(context).hasNotFailed();
          var readiness =
              (CompositeHealthDescriptor)
                  context.getBean(HealthEndpoint.class).healthForPath("readiness");

          assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
          assertThat(readiness.getComponents())
              .containsKeys("readinessState", "recommenderJob", "noticeLedger", "residentIndex");
          var job = (IndicatedHealthDescriptor) readiness.getComponents().get("recommenderJob");
          assertThat(job.getDetails()).containsEntry("state", "FAILED");
        });
  }

  /** A caller holding these roles (the API's token roles, as Spring Security names them). */
  private static SecurityContext caller(String... roles) {
    return new SecurityContext() {
      @Override
      public Principal getPrincipal() {
        return () -> "someone-1";
      }

      @Override
      public boolean isUserInRole(String role) {
        return Set.of(roles).contains(role);
      }
    };
  }

  @Test
  void theHealthShowsComponentsAndDetailsOnlyToAnAnalystOrAnOperator() {
    api.run(
        context -> {
          HealthEndpointGroup health = context.getBean(HealthEndpointGroups.class).getPrimary();

          assertThat(health.showDetails(SecurityContext.NONE)).isFalse();
          assertThat(health.showComponents(SecurityContext.NONE)).isFalse();
          assertThat(health.showDetails(caller("RESIDENT"))).isFalse();
          assertThat(health.showDetails(caller("DEPARTMENT"))).isFalse();
          assertThat(health.showDetails(caller("ANALYST"))).isTrue();
          assertThat(health.showComponents(caller("OPERATOR"))).isTrue();
        });
  }

  @Test
  void theApisOwnWiringNamesTheIndicatorRecommenderJobAndAnswersWithinTheTimeout() {
    // The real beans against a broker that is not there and no Flink: UNKNOWN, lag unknown, fast.
    realWiring()
        .run(
            context -> {
              long start = System.nanoTime();
              var indicator =
                  (HealthIndicator)
                      context
                          .getBean(HealthContributorRegistry.class)
                          .getContributor("recommenderJob");
              Health health = indicator.health();

              assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
              assertThat(health.getDetails()).containsKey("lagUnknown");
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofSeconds(3));
            });
  }

  @Test
  void theWholeHealthShowsTheJobsDetailsToo() {
    api.run(
        context -> {
          var health = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class).health();

          var job = (IndicatedHealthDescriptor) health.getComponents().get("recommenderJob");
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(job.getDetails()).containsEntry("state", "FAILED");
        });
  }

  /** The API's own health wiring against a broker and an Elasticsearch that are not there. */
  private static ApplicationContextRunner realWiring() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                KafkaAutoConfiguration.class,
                HealthContributorAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class))
        .withUserConfiguration(HealthConfig.class)
        .withBean(
            RecommenderJobSettings.class,
            () -> new RecommenderJobSettings(null, null, null, Duration.ofMillis(300)))
        .withBean(ElasticsearchClient.class, HealthGroupsTest::elasticsearchNowhere)
        .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1");
  }

  /** The API's own client, pointed where nothing listens (port 1). */
  private static ElasticsearchClient elasticsearchNowhere() {
    return new ElasticsearchClient(
        new RestClientTransport(
            RestClient.builder(new HttpHost("127.0.0.1", 1)).build(),
            new JacksonJsonpMapper(Json.mapper())));
  }

  @Test
  void readinessHasKafkaButNotElasticsearchWhichTheWholeHealthHas() {
    api.run(
        context -> {
          var endpoint = context.getBean(HealthEndpoint.class);
          var readiness = (CompositeHealthDescriptor) endpoint.healthForPath("readiness");
          var whole = (CompositeHealthDescriptor) endpoint.health();

          assertThat(readiness.getComponents()).containsKey("kafka");
          assertThat(readiness.getComponents()).doesNotContainKey("elasticsearch");
          assertThat(whole.getComponents()).containsKeys("kafka", "elasticsearch");
        });
  }

  @Test
  void theApisOwnWiringNamesKafkaAndElasticsearchAndBothAreDownFastWithNothingThere() {
    realWiring()
        .run(
            context -> {
              var registry = context.getBean(HealthContributorRegistry.class);
              long start = System.nanoTime();
              Health kafka = ((HealthIndicator) registry.getContributor("kafka")).health();
              Health elasticsearch =
                  ((HealthIndicator) registry.getContributor("elasticsearch")).health();

              assertThat(kafka.getStatus()).isEqualTo(Status.DOWN);
              assertThat(elasticsearch.getStatus()).isEqualTo(Status.DOWN);
              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(Duration.ofSeconds(3));
            });
  }
}
