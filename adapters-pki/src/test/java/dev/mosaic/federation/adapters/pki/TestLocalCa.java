package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** A local CA in a test directory, and an independent look inside the certificates it issues. */
final class TestLocalCa {

  static final SealingKey SEALING_KEY = SealingKey.of("a test sealing key, 32 characters or more");
  static final SealingKey OTHER_SEALING_KEY =
      SealingKey.of("another test sealing key of enough length");
  static final Duration LIFETIME = Duration.ofDays(30);
  static final String GRANT_OID = MosaicExtensions.DEFAULT_ARC + ".1";
  static final String SUBJECT_OID = MosaicExtensions.DEFAULT_ARC + ".2";

  private TestLocalCa() {}

  static AesGcmKeySealer sealer() {
    return new AesGcmKeySealer(SEALING_KEY, new SecureRandom());
  }

  static LocalCertificateAuthority open(
      Path dir, InstantSource clock, RevokedCertificateRepository revoked) {
    return open(dir, clock, revoked, MosaicExtensions.DEFAULT_ARC);
  }

  static LocalCertificateAuthority open(
      Path dir, InstantSource clock, RevokedCertificateRepository revoked, String oidArc) {
    var random = new SecureRandom();
    return new LocalCertificateAuthority(
        LocalCaStore.loadOrCreate(dir, sealer(), clock, random),
        new MosaicExtensions(oidArc),
        LIFETIME,
        revoked,
        clock,
        random);
  }

  /** Local mode settings for B at {@code publicUrl}. */
  static PkiSettings settings(Path dir, URI publicUrl) {
    return new PkiSettings(
        PkiSettings.Mode.LOCAL,
        Optional.of(dir),
        Optional.empty(),
        MosaicExtensions.DEFAULT_ARC,
        LIFETIME,
        publicUrl,
        Optional.empty());
  }

  static X509Certificate parse(String pem) {
    try {
      return Certificates.parse(pem).getFirst();
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the contract suite checks, read with BouncyCastle independently of the adapter. */
  static CertificateContents contents(String pem) {
    try {
      X509Certificate certificate = parse(pem);
      var cn = new X500Name(certificate.getSubjectX500Principal().getName()).getRDNs(BCStyle.CN);
      return new CertificateContents(
          CertificateFingerprint.of(certificate.getEncoded()),
          certificate.getSerialNumber(),
          certificate.getNotAfter().toInstant(),
          cn.length == 1 ? cn[0].getFirst().getValue().toString() : "",
          utf8Extension(certificate, GRANT_OID),
          utf8Extension(certificate, SUBJECT_OID),
          List.of(CertificateProfiles.CLIENT_AUTH).equals(certificate.getExtendedKeyUsage()),
          certificate.getBasicConstraints() != -1,
          Optional.of(PublicKeyFingerprint.of(certificate.getPublicKey().getEncoded())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The UTF8String inside an extension, read independently of the adapter's parser. */
  static Optional<String> utf8Extension(X509Certificate certificate, String oid)
      throws IOException {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return Optional.empty();
    }
    var value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
    return Optional.of(((ASN1UTF8String) value).getString());
  }
}
