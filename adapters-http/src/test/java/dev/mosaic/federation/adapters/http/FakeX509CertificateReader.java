package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTF8String;

/**
 * A {@link CertificateReader} for the real X.509 certificates of {@link TestPki}: the two
 * federation extensions under the default arc, each read only when it is exactly a DER UTF8String
 * holding a canonical UUID (the production reader lives in the PKI adapter, out of this module's
 * reach). Records every PEM it was given.
 */
final class FakeX509CertificateReader implements CertificateReader {
  private final List<String> read = new CopyOnWriteArrayList<>();

  List<String> read() {
    return List.copyOf(read);
  }

  @Override
  public CertificateReading read(String pem) {
    read.add(pem);
    X509Certificate certificate;
    try {
      List<X509Certificate> all = Pem.certificates(pem);
      if (all.size() != 1) {
        return new CertificateReading.Unreadable("not exactly one certificate");
      }
      certificate = all.get(0);
    } catch (IllegalArgumentException e) {
      return new CertificateReading.Unreadable("not a PEM certificate");
    }
    try {
      List<String> usages = certificate.getExtendedKeyUsage();
      return new CertificateReading.Read(
          CertificateFingerprint.of(certificate.getEncoded()),
          certificate.getSerialNumber(),
          certificate.getNotBefore().toInstant(),
          certificate.getNotAfter().toInstant(),
          certificate.getSubjectX500Principal().getName(),
          PublicKeyFingerprint.of(certificate.getPublicKey().getEncoded()),
          uuid(certificate, TestPki.GRANT_OID).map(GrantId::new),
          uuid(certificate, TestPki.SUBJECT_OID).map(UserId::new),
          usages != null && usages.equals(List.of(ClientCertificateTrustManager.CLIENT_AUTH)),
          certificate.getBasicConstraints() >= 0);
    } catch (GeneralSecurityException e) {
      return new CertificateReading.Unreadable("unreadable: " + e.getMessage());
    }
  }

  private static Optional<java.util.UUID> uuid(X509Certificate certificate, String oid) {
    byte[] extension = certificate.getExtensionValue(oid);
    if (extension == null) {
      return Optional.empty();
    }
    try {
      ASN1Primitive value =
          ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets());
      return value instanceof ASN1UTF8String text
          ? Uuids.tryParseCanonical(text.getString())
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
