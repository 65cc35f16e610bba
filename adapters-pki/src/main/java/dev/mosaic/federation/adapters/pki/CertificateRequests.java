package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Strict checks of a PKCS#10 request before it may reach a CA (SPEC §4): exactly one PEM block of
 * canonical DER, an allowed signature algorithm (no MD5, no SHA-1), an EC P-256/P-384 or RSA ≥ 2048
 * key, and a valid self-signature. Only the public key of an accepted request is ever used.
 */
final class CertificateRequests {

  private static final String PEM_TYPE = "CERTIFICATE REQUEST";
  private static final Pattern PEM =
      Pattern.compile(
          "\\s*-----BEGIN "
              + PEM_TYPE
              + "-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)-----END "
              + PEM_TYPE
              + "-----\\s*");
  private static final int MIN_RSA_BITS = 2048;

  private static final Map<ASN1ObjectIdentifier, String> CURVES =
      Map.of(
          SECObjectIdentifiers.secp256r1, "P-256",
          SECObjectIdentifiers.secp384r1, "P-384");

  private static final Map<ASN1ObjectIdentifier, String> SIGNATURE_ALGORITHMS =
      Map.of(
          X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
          X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
          X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
          PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
          PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
          PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA");

  private static final Set<ASN1ObjectIdentifier> PSS_DIGESTS =
      Set.of(
          NISTObjectIdentifiers.id_sha256,
          NISTObjectIdentifiers.id_sha384,
          NISTObjectIdentifiers.id_sha512);

  private CertificateRequests() {}

  /** Parses and checks a PEM request; never throws for bad input. */
  static CsrCheck check(String pem) {
    if (pem == null) {
      return new CsrCheck.Rejected("CSR is missing");
    }
    var matcher = PEM.matcher(pem);
    if (!matcher.matches()) {
      return new CsrCheck.Rejected("CSR must be exactly one PEM block of type '" + PEM_TYPE + "'");
    }
    PKCS10CertificationRequest request;
    try {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
      var parsed = CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der));
      if (!Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), der)) {
        return new CsrCheck.Rejected("CSR is not DER-encoded");
      }
      request = new PKCS10CertificationRequest(parsed);
    } catch (IOException | RuntimeException e) {
      return new CsrCheck.Rejected("CSR is not a well-formed PKCS#10 request");
    }
    String reason = signatureAlgorithmProblem(request.getSignatureAlgorithm());
    if (reason == null) {
      reason = keyProblem(request.getSubjectPublicKeyInfo());
    }
    if (reason == null && !selfSignatureValid(request)) {
      reason = "CSR self-signature does not verify";
    }
    return reason == null ? new CsrCheck.Accepted(request) : new CsrCheck.Rejected(reason);
  }

  /**
   * A request for {@code key} with subject {@code CN=<commonName>} and nothing else: no other
   * attribute, no SAN, no extension request. Signed with SHA-256 (ECDSA keys) as both CA modes
   * accept.
   */
  static PKCS10CertificationRequest build(KeyPair key, String commonName) {
    var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    try {
      return new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    } catch (OperatorCreationException e) {
      throw new InfrastructureException(
          "cannot sign a certificate request with an EC key: " + e.getMessage(), false);
    }
  }

  /** The canonical PEM of a request. */
  static String toPem(PKCS10CertificationRequest request) {
    try {
      var out = new StringWriter();
      try (var writer = new PemWriter(out)) {
        writer.writeObject(new PemObject(PEM_TYPE, request.getEncoded()));
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String signatureAlgorithmProblem(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (SIGNATURE_ALGORITHMS.containsKey(oid)) {
      return null;
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
      try {
        var params = RSASSAPSSparams.getInstance(algorithm.getParameters());
        if (PSS_DIGESTS.contains(params.getHashAlgorithm().getAlgorithm())) {
          return null;
        }
      } catch (RuntimeException e) {
        return "CSR uses RSASSA-PSS with malformed parameters";
      }
      return "CSR uses RSASSA-PSS with a digest other than SHA-256/384/512";
    }
    return "CSR signature algorithm "
        + oid.getId()
        + " is not allowed (use ECDSA or RSA with SHA-256/384/512; MD5 and SHA-1 are refused)";
  }

  private static String keyProblem(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier type = key.getAlgorithm().getAlgorithm();
    try {
      if (X9ObjectIdentifiers.id_ecPublicKey.equals(type)) {
        var parameters = key.getAlgorithm().getParameters();
        if (parameters instanceof ASN1ObjectIdentifier curve && CURVES.containsKey(curve)) {
          return null;
        }
        return "CSR EC key must be on the named curve P-256 or P-384";
      }
      if (PKCSObjectIdentifiers.rsaEncryption.equals(type)) {
        BigInteger modulus =
            org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
        return modulus.bitLength() >= MIN_RSA_BITS
            ? null
            : "CSR RSA key has "
                + modulus.bitLength()
                + " bits; at least "
                + MIN_RSA_BITS
                + " are required";
      }
    } catch (IOException | RuntimeException e) {
      return "CSR public key is malformed";
    }
    return "CSR key type " + type.getId() + " is not allowed (use EC P-256/P-384 or RSA ≥ 2048)";
  }

  private static boolean selfSignatureValid(PKCS10CertificationRequest request) {
    try {
      return request.isSignatureValid(
          new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      return false;
    }
  }
}
