/**
 * The fallback channel: residents' verified e-mail addresses (residents.emails.v1) and the SMTP
 * sending of an important notice that reached none of a resident's devices.
 */
package io.kairan.push.email;
