package io.kairan.testkit.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and a self-signed certificate for 127.0.0.1, made with the JDK's keytool: a PKCS12 key
 * store for a server and the certificate as PEM for its clients to trust.
 */
public record SelfSignedCertificate(Path keyStore, String password, Path pem) {

  public static SelfSignedCertificate make(Path dir, String name)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path keyStore = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".crt");
    String password = "store-" + name;
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=" + name,
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        name,
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        pem.toString());
    return new SelfSignedCertificate(keyStore, password, pem);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
