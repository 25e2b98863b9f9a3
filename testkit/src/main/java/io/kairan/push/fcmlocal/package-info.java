/**
 * A local server speaking FCM HTTP v1 {@code messages:send}, for tests and the local stack: it
 * records what it receives and answers success or any FCM error it is told to.
 */
package io.kairan.push.fcmlocal;
