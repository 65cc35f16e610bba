package dev.mosaic.federation.adapters.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Parsing, fingerprinting and key matching of X.509 certificates (JDK types only). */
final class Certificates {

  private Certificates() {}

  /**
   * Parses PEM (or DER) certificates.
   *
   * @throws CertificateException if the text holds no certificate or a malformed one
   */
  static List<X509Certificate> parse(String pem) throws CertificateException {
    var parsed =
        factory()
            .generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    if (parsed.isEmpty()) {
      throw new CertificateException("no certificate found");
    }
    return parsed.stream().map(X509Certificate.class::cast).toList();
  }

  /**
   * Reads exactly one certificate from a PEM file.
   *
   * @throws CertificateException if the file is unreadable or does not hold exactly one certificate
   */
  static X509Certificate readSingle(Path file) throws CertificateException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new CertificateException("cannot read certificate file " + file, e);
    }
    var certificates = parse(text);
    if (certificates.size() != 1) {
      throw new CertificateException(
          file + " holds " + certificates.size() + " certificates; exactly one is expected");
    }
    return certificates.getFirst();
  }

  /** The SHA-256 fingerprint of the DER encoding, as lowercase hex without separators. */
  static String sha256Hex(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
    }
  }

  /** The PEM form of a certificate. */
  static String toPem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a parsed certificate", e);
    }
  }

  /** Whether {@code key} is the private key of the certificate's public key (EC or RSA). */
  static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      byte[] challenge = "mosaic key check".getBytes(StandardCharsets.US_ASCII);
      var signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      var verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static CertificateFactory factory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }
}
