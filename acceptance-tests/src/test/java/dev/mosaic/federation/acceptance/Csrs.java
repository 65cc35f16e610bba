package dev.mosaic.federation.acceptance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * CSRs as a requesting gateway — or an attacker — would send them, built with BouncyCastle: good
 * ones, weak ones (RSA-1024, SHA-1), ones whose signature does not verify, and ones that ask for
 * extensions B must ignore.
 */
final class Csrs {
  private Csrs() {}

  static KeyPair ecKey() {
    return generate("EC", new ECGenParameterSpec("secp256r1"));
  }

  /** An EC key on {@code curve}, e.g. {@code secp521r1} (a curve B does not accept). */
  static KeyPair ecKey(String curve) {
    return generate("EC", new ECGenParameterSpec(curve));
  }

  static KeyPair rsaKey(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A well-formed CSR with subject {@code CN=<cn>} signed with SHA256withECDSA. */
  static String csr(KeyPair key, String cn) {
    return pem(build(key, cn, "SHA256withECDSA", false));
  }

  /** A CSR signed with {@code algorithm}, e.g. {@code SHA1withECDSA} or {@code SHA256withRSA}. */
  static String csr(KeyPair key, String cn, String algorithm) {
    return pem(build(key, cn, algorithm, false));
  }

  /**
   * A CSR asking for everything B must not grant: a forged grant and subject id under the default
   * arc, serverAuth, a DNS name.
   */
  static String csrRequestingForgedExtensions(KeyPair key, String cn) {
    return pem(build(key, cn, "SHA256withECDSA", true));
  }

  /**
   * A CSR whose signature does not verify: the last bit of the ECDSA signature's {@code s} flipped,
   * which keeps every DER structure intact.
   */
  static String csrWithBrokenSignature(KeyPair key, String cn) {
    PKCS10CertificationRequest good = build(key, cn, "SHA256withECDSA", false);
    try {
      byte[] der = good.getEncoded();
      byte[] signature = good.getSignature();
      int at = indexOf(der, signature) + signature.length - 1;
      der[at] ^= 0x01;
      return pem(new PKCS10CertificationRequest(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text that looks like a PEM CSR but holds no valid structure. */
  static String malformed() {
    return "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getMimeEncoder()
            .encodeToString("not a certification request".getBytes(StandardCharsets.US_ASCII))
        + "\n-----END CERTIFICATE REQUEST-----\n";
  }

  private static PKCS10CertificationRequest build(
      KeyPair key, String cn, String algorithm, boolean forgedExtensions) {
    try {
      PKCS10CertificationRequestBuilder builder =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), key.getPublic());
      if (forgedExtensions) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"),
            false,
            new DERUTF8String(UUID.randomUUID().toString()));
        extensions.addExtension(
            new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2"),
            false,
            new DERUTF8String(UUID.randomUUID().toString()));
        extensions.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        extensions.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, "evil.example")));
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      }
      return builder.build(new JcaContentSignerBuilder(algorithm).build(key.getPrivate()));
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(PKCS10CertificationRequest request) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(spec);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("signature not found in the DER");
  }
}
