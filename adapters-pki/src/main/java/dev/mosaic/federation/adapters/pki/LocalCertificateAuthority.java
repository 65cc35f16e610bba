package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * {@link dev.mosaic.federation.application.port.out.CertificateAuthority} of local mode (SPEC §4):
 * a BouncyCastle root and intermediate kept in {@code pki.local.dir} (see {@link LocalCaStore}).
 * The intermediate signs client certificates, B's server certificate and the CRL.
 *
 * <p>Client profile, the same as the Step-CA template's: subject exactly {@code CN=<peer>}, the
 * CSR's public key and nothing else from the CSR, random 128-bit serial, valid from a minute ago
 * for {@code pki.certificateLifetime}, key usage digitalSignature, extended key usage clientAuth
 * only, not a CA, and the two non-critical UTF8String extensions under {@code pki.oidArc}. Every
 * certificate is checked against its profile before it is handed out.
 *
 * <p>The CRL lists the serials of the {@link RevokedCertificateRepository} that have not expired,
 * so every replica sharing the database publishes the same list.
 */
final class LocalCertificateAuthority implements ServingAuthority {

  /** Tolerates peers whose clocks run a little behind (step-ca backdates the same). */
  static final Duration BACKDATE = Duration.ofMinutes(1);

  /** How long a CRL is valid; it is signed afresh on every request. */
  static final Duration CRL_VALIDITY = Duration.ofDays(1);

  private final LocalCaStore.Material ca;
  private final X500Name issuer;
  private final CertificateFingerprint rootFingerprint;
  private final MosaicExtensions extensions;
  private final Duration lifetime;
  private final RevokedCertificateRepository revoked;
  private final InstantSource clock;
  private final SecureRandom random;

  LocalCertificateAuthority(
      LocalCaStore.Material ca,
      MosaicExtensions extensions,
      Duration lifetime,
      RevokedCertificateRepository revoked,
      InstantSource clock,
      SecureRandom random) {
    this.ca = ca;
    this.issuer = X500Name.getInstance(ca.intermediate().getSubjectX500Principal().getEncoded());
    this.rootFingerprint = new CertificateFingerprint(Certificates.sha256Hex(ca.root()));
    this.extensions = extensions;
    this.lifetime = lifetime;
    this.revoked = revoked;
    this.clock = clock;
    this.random = random;
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
    SubjectPublicKeyInfo publicKey = csr.getSubjectPublicKeyInfo();
    Instant now = clock.instant();
    X509Certificate certificate;
    byte[] publicKeyDer;
    try {
      publicKeyDer = publicKey.getEncoded();
      var builder =
          endEntity(now, subject(request.commonName().value()), publicKey)
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
              .addExtension(
                  new ASN1ObjectIdentifier(extensions.grantIdOid()),
                  false,
                  new DERUTF8String(request.grantId().toString()))
              .addExtension(
                  new ASN1ObjectIdentifier(extensions.subjectUserIdOid()),
                  false,
                  new DERUTF8String(request.subjectUserId().toString()));
      certificate = LocalCaStore.sign(builder, ca.intermediateKey(), random);
    } catch (GeneralSecurityException | IOException e) {
      throw new InfrastructureException(
          "the local CA cannot sign the client certificate: " + e.getMessage(), false);
    }
    List<X509Certificate> chain = List.of(certificate, ca.intermediate());
    CertificateProfiles.clientProblem(chain, publicKeyDer, request, extensions, ca.root(), now)
        .ifPresent(
            problem -> {
              throw new InfrastructureException(
                  "the local CA issued a certificate violating the client profile ("
                      + problem
                      + "); it was not handed out",
                  false);
            });
    return new IssuedCertificate(
        Certificates.toPem(certificate),
        List.of(Certificates.toPem(ca.intermediate())),
        new CertificateFingerprint(Certificates.sha256Hex(certificate)),
        certificate.getSerialNumber(),
        certificate.getNotAfter().toInstant());
  }

  @Override
  public List<X509Certificate> issueServerCertificate(ServerName name, KeyPair key) {
    Instant now = clock.instant();
    GeneralName san =
        name.isIpAddress()
            ? new GeneralName(GeneralName.iPAddress, name.host())
            : new GeneralName(GeneralName.dNSName, name.host());
    X509Certificate certificate;
    try {
      var builder =
          endEntity(
                  now,
                  subject(name.host()),
                  SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()))
              .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      certificate = LocalCaStore.sign(builder, ca.intermediateKey(), random);
    } catch (GeneralSecurityException | IOException e) {
      throw new InfrastructureException(
          "the local CA cannot sign the server certificate: " + e.getMessage(), false);
    }
    List<X509Certificate> chain = List.of(certificate, ca.intermediate());
    CertificateProfiles.serverProblem(
            chain, key.getPublic().getEncoded(), name, extensions, ca.root(), now)
        .ifPresent(
            problem -> {
              throw new InfrastructureException(
                  "the local CA issued a server certificate violating the server profile ("
                      + problem
                      + ")",
                  false);
            });
    return chain;
  }

  /** Records the entry in the revoked list (idempotent); the next CRL lists its serial. */
  @Override
  public void revoke(RevokedCertificate certificate) {
    revoked.add(certificate);
  }

  @Override
  public String rootCertificatePem() {
    return Certificates.toPem(ca.root());
  }

  @Override
  public CertificateFingerprint rootFingerprint() {
    return rootFingerprint;
  }

  @Override
  public X509Certificate root() {
    return ca.root();
  }

  /** The intermediate, which signs certificates and CRLs. */
  X509Certificate intermediate() {
    return ca.intermediate();
  }

  /**
   * A CRL signed by the intermediate, valid {@link #CRL_VALIDITY}, listing every revoked serial
   * whose certificate has not expired; its number is the issue time in epoch seconds.
   */
  @Override
  public Optional<byte[]> currentCrl() {
    Instant now = clock.instant();
    var builder = new JcaX509v2CRLBuilder(ca.intermediate(), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
    Set<BigInteger> listed = new HashSet<>();
    for (RevokedCertificate entry : revoked.findAll()) {
      if (entry.notAfter().isAfter(now) && listed.add(entry.serialNumber())) {
        builder.addCRLEntry(
            entry.serialNumber(), Date.from(entry.revokedAt()), CRLReason.privilegeWithdrawn);
      }
    }
    try {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.intermediate()));
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
      var crl =
          new JcaX509CRLConverter()
              .getCRL(
                  builder.build(
                      new JcaContentSignerBuilder("SHA384withECDSA")
                          .setSecureRandom(random)
                          .build(ca.intermediateKey())));
      return Optional.of(crl.getEncoded());
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new InfrastructureException(
          "the local CA cannot sign its CRL: " + e.getMessage(), false);
    }
  }

  private X509v3CertificateBuilder endEntity(
      Instant now, X500Name subject, SubjectPublicKeyInfo publicKey) throws IOException {
    Instant notAfter = now.plus(lifetime);
    if (notAfter.isAfter(ca.intermediate().getNotAfter().toInstant())) {
      throw new InfrastructureException(
          "the local CA's intermediate expires "
              + ca.intermediate().getNotAfter().toInstant()
              + ", before a certificate issued now would; create a new CA",
          false);
    }
    try {
      var utils = new JcaX509ExtensionUtils();
      var builder =
          new X509v3CertificateBuilder(
              issuer,
              LocalCaStore.serial(random),
              Date.from(now.minus(BACKDATE)),
              Date.from(notAfter),
              subject,
              publicKey);
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              utils.createAuthorityKeyIdentifier(ca.intermediate()));
      return builder;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static X500Name subject(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }
}
