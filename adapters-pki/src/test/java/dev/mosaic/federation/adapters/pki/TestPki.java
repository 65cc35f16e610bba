package dev.mosaic.federation.adapters.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Keys, CSRs and certificates minted inside the tests with BouncyCastle. */
final class TestPki {

  private TestPki() {}

  static KeyPair ecKey(String curve) {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair p256() {
    return ecKey("secp256r1");
  }

  static KeyPair rsaKey(int bits) {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CSR builder: subject, signing algorithm and extra requested extensions. */
  static final class Csr {
    private final KeyPair key;
    private String subject = "CN=requester.example";
    private String algorithm;
    private final ExtensionsGenerator extensions = new ExtensionsGenerator();
    private boolean hasExtensions;

    private Csr(KeyPair key) {
      this.key = key;
      this.algorithm =
          key.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    static Csr forKey(KeyPair key) {
      return new Csr(key);
    }

    Csr subject(String dn) {
      this.subject = dn;
      return this;
    }

    Csr signedWith(String algorithm) {
      this.algorithm = algorithm;
      return this;
    }

    Csr requestingExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
      extensions.addExtension(oid, critical, value);
      hasExtensions = true;
      return this;
    }

    Csr requestingCa() {
      try {
        extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      hasExtensions = true;
      return this;
    }

    PKCS10CertificationRequest build() {
      try {
        var builder =
            new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic());
        if (hasExtensions) {
          builder.addAttribute(
              PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        return builder.build(new JcaContentSignerBuilder(algorithm).build(key.getPrivate()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    String pem() {
      return TestPki.pem("CERTIFICATE REQUEST", encoded(build()));
    }
  }

  private static byte[] encoded(PKCS10CertificationRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    try {
      var out = new StringWriter();
      try (var writer = new PemWriter(out)) {
        writer.writeObject(new PemObject(type, der));
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed certificate carrying the given raw extension values (for parsing tests). */
  static X509Certificate selfSigned(String cn, boolean ca, RawExtension... rawExtensions) {
    var key = p256();
    try {
      var now = Instant.parse("2026-01-01T00:00:00Z");
      var name = new X500Name("CN=" + cn);
      var builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now),
              Date.from(now.plus(Duration.ofDays(3650))),
              name,
              key.getPublic());
      if (ca) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      }
      for (var raw : rawExtensions) {
        builder.addExtension(new ASN1ObjectIdentifier(raw.oid()), raw.critical(), raw.value());
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record RawExtension(String oid, boolean critical, byte[] value) {}
}
