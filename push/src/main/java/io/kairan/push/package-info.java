/**
 * The push service: sends push deliveries through the Firebase Admin SDK. Sub-packages: intake
 * (deliveries.v1), schedule (pushes that wait), dispatch (per device or topic, in chunks), results
 * (outcomes written and awaited), send (the FCM client), state (sent ledger, notice book), token
 * (the device registry), topic (district topics), fcm (the SDK's setup), fcmlocal (a local FCM
 * server).
 */
package io.kairan.push;
