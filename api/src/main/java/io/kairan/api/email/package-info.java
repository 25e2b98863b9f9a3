/**
 * The fallback channel's address: a resident gives an e-mail address, Kairan mails a link to it,
 * and only once the link is followed does push send an important notice there that reached none of
 * the resident's devices.
 */
package io.kairan.api.email;
