/**
 * The push service: sends push deliveries through the Firebase Admin SDK. Sub-packages: intake
 * (deliveries.v1), schedule (pushes that wait), dispatch (per device or topic, in chunks), results
 * (outcomes written and awaited), send (the FCM client), state (sent ledger, notice book), token
 * (the device registry), topic (district topics), fcm (the SDK's setup). The local FCM server the
 * tests and the local stack use is in the testkit module.
 */
package io.kairan.push;
