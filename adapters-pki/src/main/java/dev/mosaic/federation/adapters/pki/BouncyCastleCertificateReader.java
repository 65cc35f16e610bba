package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * {@link CertificateReader}: exactly one PEM {@code CERTIFICATE} block of canonical DER, nothing
 * else; the custom extensions read strictly by {@link MosaicExtensions} (a malformed one reads as
 * absent). The common name is the subject's single CN, or empty when there is none or several.
 */
final class BouncyCastleCertificateReader implements CertificateReader {

  private static final Pattern PEM =
      Pattern.compile(
          "\\s*-----BEGIN CERTIFICATE-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)-----END CERTIFICATE-----\\s*");

  private final MosaicExtensions extensions;

  BouncyCastleCertificateReader(MosaicExtensions extensions) {
    this.extensions = extensions;
  }

  @Override
  public CertificateReading read(String pem) {
    if (pem == null) {
      return new CertificateReading.Unreadable("certificate is missing");
    }
    var matcher = PEM.matcher(pem);
    if (!matcher.matches()) {
      return new CertificateReading.Unreadable(
          "certificate must be exactly one PEM block of type 'CERTIFICATE'");
    }
    X509Certificate certificate;
    try {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(certificate.getEncoded(), der)) {
        return new CertificateReading.Unreadable("certificate is not DER-encoded");
      }
      return new CertificateReading.Read(
          CertificateFingerprint.of(der),
          certificate.getSerialNumber(),
          certificate.getNotBefore().toInstant(),
          certificate.getNotAfter().toInstant(),
          commonName(certificate),
          PublicKeyFingerprint.of(certificate.getPublicKey().getEncoded()),
          extension(() -> extensions.grantId(certificate)).map(GrantId::new),
          extension(() -> extensions.subjectUserId(certificate)).map(UserId::new),
          List.of(CertificateProfiles.CLIENT_AUTH).equals(certificate.getExtendedKeyUsage()),
          certificate.getBasicConstraints() != -1);
    } catch (CertificateException | RuntimeException e) {
      return new CertificateReading.Unreadable(
          "certificate is not a well-formed X.509 certificate");
    }
  }

  private static String commonName(X509Certificate certificate) {
    RDN[] names =
        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
            .getRDNs(BCStyle.CN);
    if (names.length != 1 || names[0].isMultiValued()) {
      return "";
    }
    return names[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : "";
  }

  private interface ExtensionRead {
    UUID read() throws CertificateException;
  }

  private static Optional<UUID> extension(ExtensionRead read) {
    try {
      return Optional.of(read.read());
    } catch (CertificateException e) {
      return Optional.empty();
    }
  }
}
