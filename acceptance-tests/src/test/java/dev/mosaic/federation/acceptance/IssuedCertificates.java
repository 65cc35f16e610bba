package dev.mosaic.federation.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERUTF8String;

/** Reads what the tests assert about an issued certificate. */
final class IssuedCertificates {
  static final String GRANT_EXTENSION = "1.3.6.1.4.1.99999.1";
  static final String SUBJECT_EXTENSION = "1.3.6.1.4.1.99999.2";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private IssuedCertificates() {}

  /** The UTF8String value of a custom extension, or empty when the certificate has none. */
  static Optional<String> utf8Extension(X509Certificate certificate, String oid) {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return Optional.empty();
    }
    try {
      byte[] inner = ASN1OctetString.getInstance(wrapped).getOctets();
      return Optional.of(DERUTF8String.getInstance(ASN1Primitive.fromByteArray(inner)).getString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> extendedKeyUsage(X509Certificate certificate) {
    try {
      List<String> usage = certificate.getExtendedKeyUsage();
      return usage == null ? List.of() : usage;
    } catch (CertificateParsingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return "";
    } catch (InvalidNameException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** SHA-256 of the DER, lowercase hex: how both gateways store fingerprints. */
  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
