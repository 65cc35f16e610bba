package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * {@link CertificateAuthority} backed by a step-ca 0.19 JWK provisioner (SPEC §4, Step-CA mode).
 * The provisioner's x509 template turns the token claims {@code mosaic_grant_id} and {@code
 * mosaic_subject_user_id} into the custom extensions; this class checks every issued certificate
 * against the client profile before handing it out.
 *
 * <p>step-ca refuses a CSR whose own CN or SANs differ from the token's, so a CSR may leave its
 * subject empty or name the peer, and may request no SAN but the peer name; everything else in it
 * (other subject attributes, extensions) is ignored.
 */
final class StepCaCertificateAuthority implements CertificateAuthority {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private final StepCaApi api;
  private final StepCaProvisioner provisioner;
  private final X509Certificate root;
  private final CertificateFingerprint rootFingerprint;
  private final MosaicExtensions extensions;
  private final Duration lifetime;
  private final InstantSource clock;

  StepCaCertificateAuthority(
      StepCaApi api,
      StepCaProvisioner provisioner,
      X509Certificate root,
      MosaicExtensions extensions,
      Duration lifetime,
      InstantSource clock) {
    this.api = api;
    this.provisioner = provisioner;
    this.root = root;
    this.rootFingerprint = new CertificateFingerprint(Certificates.sha256Hex(root));
    this.extensions = extensions;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public IssuedCertificate issueClientCertificate(ClientCertificateRequest request) {
    PKCS10CertificationRequest csr =
        switch (CertificateRequests.check(request.csr().pem())) {
          case CsrCheck.Accepted accepted -> accepted.request();
          case CsrCheck.Rejected rejected ->
              throw new InfrastructureException(
                  "CSR refused before signing: " + rejected.reason(), false);
        };
    String cn = request.commonName().value();
    stepCaCompatibilityProblem(csr, cn)
        .ifPresent(
            problem -> {
              throw new InfrastructureException("CSR refused before signing: " + problem, false);
            });
    String token =
        provisioner.token(
            api.url("/1.0/sign"),
            cn,
            Map.of(
                "sans", List.of(cn),
                "sha", rootFingerprint.hex(),
                "mosaic_grant_id", request.grantId().toString(),
                "mosaic_subject_user_id", request.subjectUserId().toString()),
            clock.instant());
    List<X509Certificate> chain = api.sign(CertificateRequests.toPem(csr), token, lifetime);
    X509Certificate issued = chain.getFirst();
    checkProfile(issued, chain, csr, request);
    return new IssuedCertificate(
        Certificates.toPem(issued),
        chain.stream().skip(1).filter(c -> !c.equals(root)).map(Certificates::toPem).toList(),
        new CertificateFingerprint(Certificates.sha256Hex(issued)),
        issued.getSerialNumber(),
        issued.getNotAfter().toInstant());
  }

  @Override
  public void revoke(RevokedCertificate certificate) {
    String serial = certificate.serialNumber().toString(10);
    String token = provisioner.token(api.url("/1.0/revoke"), serial, Map.of(), clock.instant());
    api.revoke(certificate.serialNumber(), token, certificate.reason());
  }

  @Override
  public String rootCertificatePem() {
    return Certificates.toPem(root);
  }

  @Override
  public CertificateFingerprint rootFingerprint() {
    return rootFingerprint;
  }

  /** step-ca 0.19 publishes no CRL; the serving gateway enforces revocation itself. */
  @Override
  public Optional<byte[]> currentCrl() {
    return Optional.empty();
  }

  /**
   * step-ca's JWK provisioner rejects a CSR whose CN is set but differs from the token subject, or
   * whose SANs differ from the token's; say so clearly instead of spending a token on a 403.
   */
  private static Optional<String> stepCaCompatibilityProblem(
      PKCS10CertificationRequest csr, String cn) {
    for (RDN rdn : csr.getSubject().getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (BCStyle.CN.equals(attribute.getType()) && !isText(attribute.getValue(), cn)) {
          return Optional.of(
              "in Step-CA mode the CSR's CN must be empty or the peer name '" + cn + "'");
        }
      }
    }
    try {
      for (Attribute attribute :
          csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
        for (var value : attribute.getAttrValues()) {
          var names =
              GeneralNames.fromExtensions(
                  Extensions.getInstance(value), Extension.subjectAlternativeName);
          for (GeneralName name : names == null ? new GeneralName[0] : names.getNames()) {
            if (name.getTagNo() != GeneralName.dNSName || !isText(name.getName(), cn)) {
              return Optional.of(
                  "in Step-CA mode the CSR may request no subject alternative name but DNS '"
                      + cn
                      + "'");
            }
          }
        }
      }
    } catch (RuntimeException e) {
      return Optional.of("the CSR's extension request is malformed");
    }
    return Optional.empty();
  }

  private static boolean isText(Object value, String expected) {
    return value instanceof ASN1String text && text.getString().equals(expected);
  }

  private void checkProfile(
      X509Certificate issued,
      List<X509Certificate> chain,
      PKCS10CertificationRequest csr,
      ClientCertificateRequest request) {
    String problem = profileProblem(issued, chain, csr, request);
    if (problem != null) {
      throw new InfrastructureException(
          "step-ca issued a certificate violating the client profile ("
              + problem
              + "); it was not handed out. Check the provisioner's x509 template and pki.oidArc",
          false);
    }
  }

  private String profileProblem(
      X509Certificate issued,
      List<X509Certificate> chain,
      PKCS10CertificationRequest csr,
      ClientCertificateRequest request) {
    try {
      if (!Arrays.equals(
          issued.getPublicKey().getEncoded(), csr.getSubjectPublicKeyInfo().getEncoded())) {
        return "public key differs from the CSR's";
      }
      var expectedSubject = new X500Principal("CN=" + request.commonName().value());
      if (!issued.getSubjectX500Principal().equals(expectedSubject)) {
        return "subject is "
            + issued.getSubjectX500Principal().getName()
            + ", not "
            + expectedSubject.getName();
      }
      if (!List.of(CLIENT_AUTH).equals(issued.getExtendedKeyUsage())) {
        return "extended key usage is " + issued.getExtendedKeyUsage() + ", not clientAuth only";
      }
      if (issued.getBasicConstraints() != -1) {
        return "it is a CA certificate";
      }
      if (!extensions.grantId(issued).equals(request.grantId().value())) {
        return "grant id extension differs from the grant";
      }
      if (!extensions.subjectUserId(issued).equals(request.subjectUserId().value())) {
        return "subject user id extension differs from the grant";
      }
      verifyChain(chain);
      return null;
    } catch (CertificateException e) {
      return e.getMessage();
    } catch (GeneralSecurityException | IOException e) {
      return "it does not chain to the pinned root";
    }
  }

  private void verifyChain(List<X509Certificate> chain) throws GeneralSecurityException {
    var path =
        CertificateFactory.getInstance("X.509")
            .generateCertPath(chain.stream().filter(c -> !c.equals(root)).toList());
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(clock.instant()));
    CertPathValidator.getInstance("PKIX").validate(path, parameters);
  }
}
