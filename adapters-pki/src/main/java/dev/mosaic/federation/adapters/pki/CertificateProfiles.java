package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The post-issuance checks both CAs run before handing a certificate out (SPEC §4): the client
 * profile (CN = peer, clientAuth only, not a CA, both extensions equal to the grant's) and B's
 * server profile (one SAN = the public name, serverAuth only, not a CA, no client extension), each
 * for the requested public key and chaining to the CA's root.
 */
final class CertificateProfiles {

  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private CertificateProfiles() {}

  /**
   * Why {@code chain.getFirst()} is not the client certificate {@code request} asked for, or empty.
   *
   * @param chain as the CA returned it, the certificate first; may include the root
   * @param publicKey the DER SubjectPublicKeyInfo of the CSR
   */
  static Optional<String> clientProblem(
      List<X509Certificate> chain,
      byte[] publicKey,
      ClientCertificateRequest request,
      MosaicExtensions extensions,
      X509Certificate root,
      Instant now) {
    X509Certificate issued = chain.getFirst();
    try {
      if (!Arrays.equals(issued.getPublicKey().getEncoded(), publicKey)) {
        return Optional.of("public key differs from the CSR's");
      }
      var expectedSubject = new X500Principal("CN=" + request.commonName().value());
      if (!issued.getSubjectX500Principal().equals(expectedSubject)) {
        return Optional.of(
            "subject is "
                + issued.getSubjectX500Principal().getName()
                + ", not "
                + expectedSubject.getName());
      }
      if (!List.of(CLIENT_AUTH).equals(issued.getExtendedKeyUsage())) {
        return Optional.of(
            "extended key usage is " + issued.getExtendedKeyUsage() + ", not clientAuth only");
      }
      if (issued.getBasicConstraints() != -1) {
        return Optional.of("it is a CA certificate");
      }
      if (!extensions.grantId(issued).equals(request.grantId().value())) {
        return Optional.of("grant id extension differs from the grant");
      }
      if (!extensions.subjectUserId(issued).equals(request.subjectUserId().value())) {
        return Optional.of("subject user id extension differs from the grant");
      }
    } catch (CertificateException e) {
      return Optional.of(e.getMessage());
    }
    return chainProblem(chain, root, now);
  }

  /**
   * Why {@code chain.getFirst()} is not B's server certificate for {@code name}, or empty.
   *
   * @param chain as the CA returned it, the certificate first; may include the root
   * @param publicKey the DER SubjectPublicKeyInfo of B's key
   */
  static Optional<String> serverProblem(
      List<X509Certificate> chain,
      byte[] publicKey,
      ServerName name,
      MosaicExtensions extensions,
      X509Certificate root,
      Instant now) {
    X509Certificate issued = chain.getFirst();
    try {
      if (!Arrays.equals(issued.getPublicKey().getEncoded(), publicKey)) {
        return Optional.of("public key differs from the requested one");
      }
      if (!name.isOnlyNameOf(issued)) {
        return Optional.of(
            "subject alternative names are "
                + issued.getSubjectAlternativeNames()
                + ", not only "
                + name);
      }
      if (!List.of(SERVER_AUTH).equals(issued.getExtendedKeyUsage())) {
        return Optional.of(
            "extended key usage is " + issued.getExtendedKeyUsage() + ", not serverAuth only");
      }
      if (issued.getBasicConstraints() != -1) {
        return Optional.of("it is a CA certificate");
      }
      if (issued.getExtensionValue(extensions.grantIdOid()) != null
          || issued.getExtensionValue(extensions.subjectUserIdOid()) != null) {
        return Optional.of("it carries a client (grant or subject) extension");
      }
    } catch (CertificateException e) {
      return Optional.of(e.getMessage());
    }
    return chainProblem(chain, root, now);
  }

  /** Why {@code chain} (the certificate first, the root optional) does not chain to root. */
  static Optional<String> chainProblem(
      List<X509Certificate> chain, X509Certificate root, Instant now) {
    try {
      var path =
          CertificateFactory.getInstance("X.509")
              .generateCertPath(chain.stream().filter(c -> !c.equals(root)).toList());
      var parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(now));
      CertPathValidator.getInstance("PKIX").validate(path, parameters);
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of("it does not chain to the pinned root");
    }
  }
}
