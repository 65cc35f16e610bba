package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the requesting side checks in a client certificate a serving gateway issued to it, at
 * enrollment and at renewal: readable, for the key this gateway generated, clientAuth only, not a
 * CA, the grant extension equal to the expected grant, the subject-user extension present (and
 * equal to the expected subject when one is known), not expired. The chain itself is not verified
 * here: the certificate arrives over a connection verified against the pinned root, and the peer's
 * listener refuses any certificate that does not chain to its CA.
 */
final class IssuedCertificateCheck {
  private IssuedCertificateCheck() {}

  /** The outcome: the certificate as read, or why it is unacceptable (safe to print). */
  sealed interface Outcome {
    record Accepted(CertificateReading.Read certificate) implements Outcome {}

    record Rejected(String reason) implements Outcome {}
  }

  /** The {@code chain} of an issuing answer: a list of strings (PEM), else empty. */
  static Optional<List<String>> chain(Object value) {
    if (!(value instanceof List<?> list)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        return Optional.empty();
      }
      out.add(s);
    }
    return Optional.of(out);
  }

  static Outcome check(
      CertificateReader reader,
      String certificatePem,
      ClientKeyMaterial key,
      GrantId grantId,
      Optional<UserId> expectedSubject,
      Instant now) {
    CertificateReading.Read certificate;
    switch (reader.read(certificatePem)) {
      case CertificateReading.Unreadable unreadable -> {
        return new Outcome.Rejected("the certificate is unreadable: " + unreadable.reason());
      }
      case CertificateReading.Read read -> certificate = read;
    }
    Optional<String> problem = problemWith(certificate, key, grantId, expectedSubject, now);
    return problem.isPresent()
        ? new Outcome.Rejected(problem.get())
        : new Outcome.Accepted(certificate);
  }

  private static Optional<String> problemWith(
      CertificateReading.Read certificate,
      ClientKeyMaterial key,
      GrantId grantId,
      Optional<UserId> expectedSubject,
      Instant now) {
    if (!certificate.publicKey().equals(key.publicKey())) {
      return Optional.of("the certificate is not for the key this gateway generated");
    }
    if (!certificate.clientAuthOnly()) {
      return Optional.of("the certificate's extended key usage is not clientAuth only");
    }
    if (certificate.isCa()) {
      return Optional.of("the certificate is a CA certificate");
    }
    if (certificate.grantId().isEmpty()) {
      return Optional.of("the certificate carries no valid grant extension");
    }
    if (!certificate.grantId().get().equals(grantId)) {
      return Optional.of("the certificate's grant extension differs from the grant id");
    }
    if (certificate.subjectUserId().isEmpty()) {
      return Optional.of("the certificate carries no valid subject-user extension");
    }
    if (expectedSubject.isPresent() && !certificate.subjectUserId().equals(expectedSubject)) {
      return Optional.of("the certificate's subject-user extension differs from the link's");
    }
    if (!now.isBefore(certificate.notAfter())) {
      return Optional.of("the certificate has already expired");
    }
    return Optional.empty();
  }
}
