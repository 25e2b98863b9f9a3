package io.kairan.api.email;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The verification mail's parts, for slice tests (the SMTP server is the test's). */
@TestConfiguration
@Import(VerificationMail.class)
@EnableConfigurationProperties(EmailSettings.class)
public class EmailTestSupport {}
