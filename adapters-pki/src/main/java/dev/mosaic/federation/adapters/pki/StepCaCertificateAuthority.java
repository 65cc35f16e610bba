package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@link dev.mosaic.federation.application.port.out.CertificateAuthority} backed by a step-ca 0.19
 * JWK provisioner (SPEC §4, Step-CA mode), which also issues B's server certificate. The
 * provisioner's x509 template turns the token claims {@code mosaic_grant_id} and {@code
 * mosaic_subject_user_id} into the custom extensions; this class checks every issued certificate
 * against the client profile before handing it out.
 *
 * <p>step-ca refuses a CSR whose own CN or SANs differ from the token's, so a CSR may leave its
 * subject empty or name the peer, and may request no SAN but the peer name; everything else in it
 * (other subject attributes, extensions) is ignored.
 */
final class StepCaCertificateAuthority implements ServingAuthority {

  /** The token claim selecting the template's server branch. */
  static final String SERVER_NAME_CLAIM = "mosaic_server_name";

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
    checkProfile(chain, csr, request);
    return new IssuedCertificate(
        Certificates.toPem(issued),
        chain.stream().skip(1).filter(c -> !c.equals(root)).map(Certificates::toPem).toList(),
        new CertificateFingerprint(Certificates.sha256Hex(issued)),
        issued.getSerialNumber(),
        issued.getNotAfter().toInstant());
  }

  /**
   * Signs through the template's server branch: the token carries {@code mosaic_server_name} (and
   * none of the client claims), {@code sub} and the single SAN are B's public host name.
   */
  @Override
  public List<X509Certificate> issueServerCertificate(ServerName name, KeyPair key) {
    var csr = CertificateRequests.build(key, name.host());
    String token =
        provisioner.token(
            api.url("/1.0/sign"),
            name.host(),
            Map.of(
                "sans",
                List.of(name.host()),
                "sha",
                rootFingerprint.hex(),
                SERVER_NAME_CLAIM,
                name.host()),
            clock.instant());
    List<X509Certificate> chain = api.sign(CertificateRequests.toPem(csr), token, lifetime);
    CertificateProfiles.serverProblem(
            chain, key.getPublic().getEncoded(), name, extensions, root, clock.instant())
        .ifPresent(
            problem -> {
              throw new InfrastructureException(
                  "step-ca issued a server certificate violating the server profile ("
                      + problem
                      + "); it is not used. Check the provisioner's x509 template",
                  false);
            });
    return chain.stream().filter(c -> !c.equals(root)).toList();
  }

  @Override
  public X509Certificate root() {
    return root;
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
      List<X509Certificate> chain,
      PKCS10CertificationRequest csr,
      ClientCertificateRequest request) {
    byte[] publicKey;
    try {
      publicKey = csr.getSubjectPublicKeyInfo().getEncoded();
    } catch (IOException e) {
      throw new InfrastructureException("CSR public key is malformed", false);
    }
    CertificateProfiles.clientProblem(chain, publicKey, request, extensions, root, clock.instant())
        .ifPresent(
            problem -> {
              throw new InfrastructureException(
                  "step-ca issued a certificate violating the client profile ("
                      + problem
                      + "); it was not handed out. Check the provisioner's x509 template and"
                      + " pki.oidArc",
                  false);
            });
  }
}
