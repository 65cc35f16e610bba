package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Where B's TLS server identity comes from: its own CA, or the operator's files. */
final class ServerCredentials {

  private static final Pattern PKCS8_PEM =
      Pattern.compile(
          "\\s*-----BEGIN PRIVATE KEY-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)-----END PRIVATE KEY-----\\s*");

  private ServerCredentials() {}

  /**
   * A fresh EC P-256 key and a certificate for it from B's CA.
   *
   * @throws InfrastructureException when the CA fails
   */
  static ServerCredential issue(ServingAuthority authority, ServerName name, SecureRandom random) {
    KeyPair key = EcKeys.generate(EcKeys.P256, random);
    return new ServerCredential(key.getPrivate(), authority.issueServerCertificate(name, key));
  }

  /**
   * Reads the operator's certificate chain (PEM, the certificate first) and its PKCS#8 PEM key, and
   * checks that the key belongs to the certificate, that the certificate names {@code name}, is
   * valid now, allows serverAuth, and chains to {@code root} — the CA root peers pin, without which
   * no peer would accept it.
   *
   * @throws InfrastructureException (not transient) naming the setting that is wrong
   */
  static ServerCredential read(
      PkiSettings.ServerCertificateFiles files,
      ServerName name,
      X509Certificate root,
      Instant now) {
    String certificateKey = "federation.serverCertificateFile (" + files.certificateFile() + ")";
    String keyKey = "federation.serverKeyFile (" + files.keyFile() + ")";
    List<X509Certificate> chain;
    try {
      chain = Certificates.parse(text(files.certificateFile(), certificateKey));
    } catch (CertificateException e) {
      throw invalid(certificateKey, "holds no well-formed PEM certificate");
    }
    X509Certificate certificate = chain.getFirst();
    PrivateKey key = privateKey(text(files.keyFile(), keyKey), certificate, keyKey);
    try {
      if (!name.isCoveredBy(certificate)) {
        throw invalid(certificateKey, "does not name " + name + " (federation.publicUrl)");
      }
      var usages = certificate.getExtendedKeyUsage();
      if (usages != null && !usages.contains(CertificateProfiles.SERVER_AUTH)) {
        throw invalid(certificateKey, "does not allow serverAuth");
      }
    } catch (CertificateException e) {
      throw invalid(certificateKey, "has malformed extensions");
    }
    CertificateProfiles.chainProblem(chain, root, now)
        .ifPresent(
            problem -> {
              throw invalid(
                  certificateKey,
                  "is expired or does not chain to the CA root peers pin (sha256 "
                      + Certificates.sha256Hex(root)
                      + "); issue it from this gateway's CA, or leave both files unset");
            });
    return new ServerCredential(key, chain.stream().filter(c -> !c.equals(root)).toList());
  }

  private static String text(Path file, String setting) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw invalid(setting, "cannot be read");
    }
  }

  private static PrivateKey privateKey(String pem, X509Certificate certificate, String setting) {
    var matcher = PKCS8_PEM.matcher(pem);
    if (!matcher.matches()) {
      throw invalid(setting, "must hold one unencrypted PKCS#8 PEM key ('PRIVATE KEY')");
    }
    PrivateKey key;
    try {
      key =
          KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw invalid(setting, "is not a " + certificate.getPublicKey().getAlgorithm() + " key");
    }
    if (!Certificates.keyMatches(key, certificate)) {
      throw invalid(setting, "is not the key of the server certificate");
    }
    return key;
  }

  private static InfrastructureException invalid(String setting, String problem) {
    return new InfrastructureException(setting + ": " + problem, false);
  }
}
