/**
 * District topics for emergency broadcasts: every device is subscribed to its resident's district
 * topic, so an emergency for whole districts can go out as one FCM message per district.
 */
package io.kairan.push.topic;
