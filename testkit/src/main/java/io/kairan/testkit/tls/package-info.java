/** Certificates for tests of TLS clients: made on the spot with the JDK's keytool. */
package io.kairan.testkit.tls;
