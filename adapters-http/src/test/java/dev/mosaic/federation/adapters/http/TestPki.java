package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA minted in the test (EC P-256 root and intermediate) issuing server and client certificates
 * with the profiles of SPEC §4. Certificates are held as OkHttp {@link HeldCertificate}s so {@link
 * HandshakeCertificates} builds the JDK key and trust managers; BouncyCastle only mints, because
 * {@code HeldCertificate.Builder} cannot set extended key usages.
 */
final class TestPki {
  /** The grant-id extension under the development arc (SPEC §4). */
  static final String GRANT_OID = "1.3.6.1.4.1.99999.1";

  /** The subject-user-id extension under the development arc (SPEC §4). */
  static final String SUBJECT_OID = "1.3.6.1.4.1.99999.2";

  private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

  private final HeldCertificate root;
  private final HeldCertificate intermediate;

  private TestPki(String name) {
    this.root = mint("CN=" + name + " Root", null, Usage.CA, Duration.ofDays(1));
    this.intermediate = mint("CN=" + name + " Intermediate", root, Usage.CA, Duration.ofDays(1));
  }

  static TestPki create(String name) {
    return new TestPki(name);
  }

  enum Usage {
    CA,
    SERVER_AUTH,
    CLIENT_AUTH
  }

  HeldCertificate root() {
    return root;
  }

  HeldCertificate intermediate() {
    return intermediate;
  }

  CertificateFingerprint rootPin() {
    try {
      return CertificateFingerprint.of(root.certificate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A serverAuth-only certificate for {@code names} (IP addresses or DNS names). */
  HeldCertificate server(String... names) {
    return mint("CN=" + names[0], intermediate, Usage.SERVER_AUTH, Duration.ofHours(1), names);
  }

  /** A certificate of any usage for {@code names}. */
  HeldCertificate leaf(Usage usage, Duration lifetime, String... names) {
    return mint("CN=" + names[0], intermediate, usage, lifetime, names);
  }

  /** A clientAuth-only certificate with {@code commonName}. */
  HeldCertificate client(String commonName) {
    return mint("CN=" + commonName, intermediate, Usage.CLIENT_AUTH, Duration.ofHours(1));
  }

  /**
   * A clientAuth-only certificate carrying the federation extensions of SPEC §4 (under the default
   * arc), each a DER UTF8String; a null value leaves that extension out.
   */
  HeldCertificate grantClient(String commonName, String grantId, String subjectUserId) {
    Map<String, ASN1Encodable> extensions = new LinkedHashMap<>();
    if (grantId != null) {
      extensions.put(GRANT_OID, new DERUTF8String(grantId));
    }
    if (subjectUserId != null) {
      extensions.put(SUBJECT_OID, new DERUTF8String(subjectUserId));
    }
    return clientWith(commonName, extensions);
  }

  /** A clientAuth-only certificate with these extra non-critical extensions, as given. */
  HeldCertificate clientWith(String commonName, Map<String, ASN1Encodable> extensions) {
    return mint(
        "CN=" + commonName,
        intermediate,
        Usage.CLIENT_AUTH,
        Duration.ofHours(1),
        extensions,
        new String[0]);
  }

  /** A key manager presenting {@code leaf} with the intermediate (the root is left out). */
  X509ExtendedKeyManager keyManager(HeldCertificate leaf) {
    return (X509ExtendedKeyManager)
        new HandshakeCertificates.Builder()
            .heldCertificate(leaf, intermediate.certificate())
            .build()
            .keyManager();
  }

  /** A key manager presenting {@code leaf}, the intermediate and the root. */
  X509ExtendedKeyManager keyManagerWithRoot(HeldCertificate leaf) {
    return (X509ExtendedKeyManager)
        new HandshakeCertificates.Builder()
            .heldCertificate(leaf, intermediate.certificate(), root.certificate())
            .build()
            .keyManager();
  }

  /** A JDK (PKIX) trust manager whose only anchor is this root. */
  X509ExtendedTrustManager trustManager() {
    return (X509ExtendedTrustManager)
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(root.certificate())
            .build()
            .trustManager();
  }

  /** Client-side handshake material trusting this root, optionally presenting {@code client}. */
  HandshakeCertificates clientCertificates(HeldCertificate client) {
    HandshakeCertificates.Builder builder =
        new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate());
    if (client != null) {
      builder.heldCertificate(client, intermediate.certificate());
    }
    return builder.build();
  }

  private static HeldCertificate mint(
      String subject, HeldCertificate issuer, Usage usage, Duration lifetime, String... names) {
    return mint(subject, issuer, usage, lifetime, Map.of(), names);
  }

  private static HeldCertificate mint(
      String subject,
      HeldCertificate issuer,
      Usage usage,
      Duration lifetime,
      Map<String, ASN1Encodable> extensions,
      String[] names) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keyPair = generator.generateKeyPair();
      X500Name subjectName = new X500Name(subject);
      X500Name issuerName =
          issuer == null
              ? subjectName
              : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(SERIALS.incrementAndGet()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(lifetime)),
              subjectName,
              keyPair.getPublic());
      switch (usage) {
        case CA -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case SERVER_AUTH, CLIENT_AUTH -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(
                  usage == Usage.SERVER_AUTH
                      ? KeyPurposeId.id_kp_serverAuth
                      : KeyPurposeId.id_kp_clientAuth));
        }
      }
      if (names.length > 0) {
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
          alternatives[i] =
              Character.isDigit(names[i].charAt(0))
                  ? new GeneralName(GeneralName.iPAddress, names[i])
                  : new GeneralName(GeneralName.dNSName, names[i]);
        }
        builder.addExtension(
            Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
      }
      for (Map.Entry<String, ASN1Encodable> extension : extensions.entrySet()) {
        builder.addExtension(
            new ASN1ObjectIdentifier(extension.getKey()), false, extension.getValue());
      }
      KeyPair signer = issuer == null ? keyPair : issuer.keyPair();
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
      return new HeldCertificate(keyPair, certificate);
    } catch (Exception e) {
      throw new IllegalStateException("minting a test certificate failed", e);
    }
  }
}
