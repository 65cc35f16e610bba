package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text formats the PKI fakes exchange instead of real PKCS#10 and X.509: a fake CSR names its
 * public key, signature validity and algorithm; a fake certificate lists its fields. The
 * "fingerprint" of a fake certificate is the SHA-256 of its text.
 */
public final class FakePki {
  private static final String CSR = "FAKE CERTIFICATE REQUEST";
  private static final String CERT = "FAKE CERTIFICATE";

  private FakePki() {}

  /** A valid fake CSR for {@code key}. */
  public static CertificateSigningRequest csr(PublicKeyFingerprint key) {
    return csr(key, "ok", "EC-P256");
  }

  public static CertificateSigningRequest csrWithBadSignature(PublicKeyFingerprint key) {
    return csr(key, "bad", "EC-P256");
  }

  public static CertificateSigningRequest csrWithWeakKey(PublicKeyFingerprint key) {
    return csr(key, "ok", "RSA-1024");
  }

  private static CertificateSigningRequest csr(PublicKeyFingerprint key, String sig, String alg) {
    return new CertificateSigningRequest(
        block(CSR, "key=" + key.hex() + "\nsig=" + sig + "\nalg=" + alg + "\n"));
  }

  /** The fields of a fake CSR, or empty when it is not one. */
  static Optional<Map<String, String>> csrFields(CertificateSigningRequest csr) {
    return fields(csr.pem(), CSR);
  }

  /**
   * A fake certificate with exactly these fields ({@code serial}, {@code cn}, {@code grant}, {@code
   * subject}, {@code key}, {@code eku}, {@code ca}, {@code notBefore}, {@code notAfter}), for tests
   * that need a certificate a CA would never issue.
   */
  public static String certificate(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
    return block(CERT, body.toString());
  }

  public static CertificateFingerprint fingerprint(String pem) {
    return CertificateFingerprint.of(pem.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a fake certificate; for the contract's {@code inspect} hook. */
  public static CertificateContents inspect(String pem) {
    Map<String, String> f =
        fields(pem, CERT).orElseThrow(() -> new IllegalArgumentException("not a fake certificate"));
    return new CertificateContents(
        fingerprint(pem),
        new BigInteger(f.get("serial")),
        Instant.parse(f.get("notAfter")),
        f.get("cn"),
        Optional.ofNullable(f.get("grant")),
        Optional.ofNullable(f.get("subject")),
        "clientAuth".equals(f.get("eku")),
        Boolean.parseBoolean(f.get("ca")),
        Optional.ofNullable(f.get("key")).map(PublicKeyFingerprint::new));
  }

  /** The fields of a fake certificate, or empty when it is not one. */
  static Optional<Map<String, String>> certificateFields(String pem) {
    return fields(pem, CERT);
  }

  private static String block(String type, String body) {
    return "-----BEGIN " + type + "-----\n" + body + "-----END " + type + "-----\n";
  }

  private static Optional<Map<String, String>> fields(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----\n";
    String end = "-----END " + type + "-----\n";
    if (pem == null || !pem.startsWith(begin) || !pem.endsWith(end)) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    for (String line : pem.substring(begin.length(), pem.length() - end.length()).split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        return Optional.empty();
      }
      fields.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return Optional.of(fields);
  }
}
