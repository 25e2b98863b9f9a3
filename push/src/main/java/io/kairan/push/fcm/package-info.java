/**
 * The Firebase Admin SDK, pointed at FCM with real credentials or at a local FCM-compatible server.
 */
package io.kairan.push.fcm;
