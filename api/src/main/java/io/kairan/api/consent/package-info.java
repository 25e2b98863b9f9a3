/**
 * A resident's consents: the history of every yes and no (per category and purpose, under a policy
 * version), and withdrawing one in one call.
 */
package io.kairan.api.consent;
