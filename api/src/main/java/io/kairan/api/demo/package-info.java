/**
 * Demo sign-in for the local stack only: a page that hands the web pages a token for a demo
 * resident or a staff role, so nobody needs curl to try them. Off unless {@code
 * kairan.demo.sign-in.enabled} is true, which only the local stack sets; the tokens come from the
 * stack's own identity provider through {@link io.kairan.api.demo.DemoSignIn}, which the stack
 * registers (the API mints nothing and holds no signing key).
 */
package io.kairan.api.demo;
