package io.kairan.api.comparison;

import static org.mockito.Mockito.mock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The comparison endpoint for slice tests that check who may call it, not what it computes: its
 * figures come from Kafka, which a slice does not have, so the comparison itself is a stand-in.
 */
@TestConfiguration
@EnableConfigurationProperties(FiguresSettings.class)
public class ComparisonTestSupport {
  @Bean
  ShadowComparison shadowComparison() {
    return mock(ShadowComparison.class);
  }
}
