/**
 * The push service: sends push deliveries through the Firebase Admin SDK. Sub-packages: fcm (the
 * SDK's setup), token (the device registry), send (the sender), fcmlocal (a local FCM server).
 */
package io.kairan.push;
