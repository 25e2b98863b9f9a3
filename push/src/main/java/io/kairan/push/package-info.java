/**
 * The push service: sends push deliveries through the Firebase Admin SDK. Sub-packages: intake
 * (deliveries.v1), schedule (pushes and digests that wait), dispatch (per device or topic, in
 * chunks), digest (a resident's day of digest deliveries), results (outcomes written and awaited),
 * send (the FCM client), state (sent ledger, notice book), token (the device registry), profile
 * (residents' languages), topic (district topics per language), fcm (the SDK's setup). The local
 * FCM server the tests and the local stack use is in the testkit module.
 */
package io.kairan.push;
