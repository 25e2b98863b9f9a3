package io.kairan.push.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pushes go out.
 *
 * @param emergencyTopics a device confirmed on its district's topic counts as reached by the topic
 *     message of an emergency for whole districts, unless its delivery names an evacuation site
 *     (KAIRAN_PUSH_EMERGENCY_TOPICS; default false)
 * @param emergencyStageOne an emergency for whole districts first goes out as one minimal message
 *     (title and severity) per district and first language, before the personal pushes
 *     (KAIRAN_PUSH_EMERGENCY_STAGE_ONE; default true)
 */
@ConfigurationProperties("kairan.push")
public record PushSettings(boolean emergencyTopics, Boolean emergencyStageOne) {
  public PushSettings {
    emergencyStageOne = emergencyStageOne == null || emergencyStageOne;
  }

  /** Whether an emergency's district topic messages go out at all. */
  boolean broadcasts() {
    return emergencyTopics || emergencyStageOne;
  }
}
