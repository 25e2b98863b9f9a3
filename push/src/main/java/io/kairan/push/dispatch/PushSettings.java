package io.kairan.push.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pushes go out.
 *
 * @param emergencyTopics an emergency for whole districts goes to district topics
 *     (KAIRAN_PUSH_EMERGENCY_TOPICS; default false)
 */
@ConfigurationProperties("kairan.push")
public record PushSettings(boolean emergencyTopics) {}
