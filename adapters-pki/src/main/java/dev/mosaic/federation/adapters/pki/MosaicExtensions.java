package dev.mosaic.federation.adapters.pki;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTF8String;

/**
 * The two custom client-certificate extensions of SPEC §4 under a configurable arc: {@code <arc>.1}
 * = grant id, {@code <arc>.2} = subject user id, each a non-critical DER UTF8String holding a UUID
 * in canonical lowercase form. Reading is strict: anything else is refused.
 */
final class MosaicExtensions {

  static final String DEFAULT_ARC = "1.3.6.1.4.1.99999";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final String grantIdOid;
  private final String subjectUserIdOid;

  /**
   * @throws IllegalArgumentException if {@code arc} is not a dotted object identifier
   */
  MosaicExtensions(String arc) {
    var base = new ASN1ObjectIdentifier(arc);
    this.grantIdOid = base.branch("1").getId();
    this.subjectUserIdOid = base.branch("2").getId();
  }

  String grantIdOid() {
    return grantIdOid;
  }

  String subjectUserIdOid() {
    return subjectUserIdOid;
  }

  /**
   * @throws CertificateException if the grant-id extension is missing, critical or malformed
   */
  UUID grantId(X509Certificate certificate) throws CertificateException {
    return readUuid(certificate, grantIdOid);
  }

  /**
   * @throws CertificateException if the subject-user-id extension is missing, critical or malformed
   */
  UUID subjectUserId(X509Certificate certificate) throws CertificateException {
    return readUuid(certificate, subjectUserIdOid);
  }

  private static UUID readUuid(X509Certificate certificate, String oid)
      throws CertificateException {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      throw new CertificateException("extension " + oid + " is missing");
    }
    var critical = certificate.getCriticalExtensionOIDs();
    if (critical != null && critical.contains(oid)) {
      throw new CertificateException("extension " + oid + " must not be critical");
    }
    String text;
    try {
      byte[] value = ASN1OctetString.getInstance(wrapped).getOctets();
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(value);
      if (!(primitive instanceof ASN1UTF8String utf8)
          || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), value)) {
        throw new CertificateException("extension " + oid + " is not a DER UTF8String");
      }
      text = utf8.getString();
    } catch (IOException | RuntimeException e) {
      throw new CertificateException("extension " + oid + " is not a DER UTF8String");
    }
    if (!CANONICAL_UUID.matcher(text).matches()) {
      throw new CertificateException("extension " + oid + " is not a canonical lowercase UUID");
    }
    return UUID.fromString(text);
  }
}
