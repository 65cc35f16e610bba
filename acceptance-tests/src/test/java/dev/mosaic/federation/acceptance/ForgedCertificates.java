package dev.mosaic.federation.acceptance;

import dev.mosaic.federation.bootstrap.GatewayComponent;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Client certificates B never issued through enrollment, for the negative identity cases: signed by
 * B's own local CA (its intermediate key read from {@code pki.local.dir} and opened with B's
 * sealing key, as only B's operator could) or by a CA B has never seen. A {@link Profile} says what
 * the certificate holds.
 */
final class ForgedCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate issuer;
  private final PrivateKey issuerKey;

  private ForgedCertificates(X509Certificate issuer, PrivateKey issuerKey) {
    this.issuer = issuer;
    this.issuerKey = issuerKey;
  }

  /** Signs with the intermediate of {@code serving}'s local CA: chains to B's root. */
  static ForgedCertificates byCaOf(Gateway serving) {
    Path ca = serving.dir().resolve("pki/ca");
    X509Certificate intermediate = EnrollmentClient.certificate(ca.resolve("intermediate.crt"));
    try (GatewayComponent b =
        GatewayComponent.create(ConfigLoader.load(Optional.empty(), serving.environment()))) {
      byte[] pkcs8 =
          b.keySealer()
              .open(SealedSecret.of(Files.readAllBytes(ca.resolve("intermediate.key.sealed"))))
              .orElseThrow(() -> new IllegalStateException("B's sealing key does not open it"));
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new ForgedCertificates(intermediate, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh self-signed root no gateway trusts, with the same structure as a real one. */
  static ForgedCertificates untrustedCa() {
    KeyPair key = Csrs.ecKey();
    X500Name name = new X500Name("CN=Mosaic Federation Root CA,O=not the gateway");
    Instant now = Instant.now();
    try {
      var builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(128, RANDOM),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(365))),
              name,
              key.getPublic());
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key.getPublic()));
      X509Certificate root = sign(builder, key.getPrivate());
      return new ForgedCertificates(root, key.getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a forged leaf holds.
   *
   * @param extensions custom extensions by OID, each non-critical
   * @param usages the extended key usages (none: no extension)
   */
  record Profile(
      String commonName,
      Map<String, ASN1Encodable> extensions,
      List<KeyPurposeId> usages,
      Instant notBefore,
      Instant notAfter) {

    /** What B issues: CN, the grant and subject extensions, clientAuth only, valid for a day. */
    static Profile client(String peer, String grantId, String subjectUserId) {
      Map<String, ASN1Encodable> extensions = new LinkedHashMap<>();
      extensions.put(IssuedCertificates.GRANT_EXTENSION, new DERUTF8String(grantId));
      extensions.put(IssuedCertificates.SUBJECT_EXTENSION, new DERUTF8String(subjectUserId));
      Instant now = Instant.now();
      return new Profile(
          peer,
          extensions,
          List.of(KeyPurposeId.id_kp_clientAuth),
          now.minus(Duration.ofMinutes(5)),
          now.plus(Duration.ofDays(1)));
    }

    Profile withoutExtensions() {
      return new Profile(commonName, Map.of(), usages, notBefore, notAfter);
    }

    Profile withExtension(String oid, ASN1Encodable value) {
      Map<String, ASN1Encodable> changed = new LinkedHashMap<>(extensions);
      changed.put(oid, value);
      return new Profile(commonName, changed, usages, notBefore, notAfter);
    }

    Profile withUsages(KeyPurposeId... purposes) {
      return new Profile(commonName, extensions, List.of(purposes), notBefore, notAfter);
    }

    /** Valid from two days ago until yesterday. */
    Profile expired() {
      Instant now = Instant.now();
      return new Profile(
          commonName,
          extensions,
          usages,
          now.minus(Duration.ofDays(2)),
          now.minus(Duration.ofDays(1)));
    }
  }

  /** A fresh EC P-256 key and a certificate for it as {@code profile} says, with its chain. */
  ClientIdentity issue(Profile profile) {
    KeyPair key = Csrs.ecKey();
    try {
      var utils = new JcaX509ExtensionUtils();
      var builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(128, RANDOM),
              Date.from(profile.notBefore()),
              Date.from(profile.notAfter()),
              new X500Name("CN=" + profile.commonName()),
              key.getPublic());
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              utils.createSubjectKeyIdentifier(key.getPublic()))
          .addExtension(
              Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
      if (!profile.usages().isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(profile.usages().toArray(KeyPurposeId[]::new)));
      }
      for (Map.Entry<String, ASN1Encodable> extension : profile.extensions().entrySet()) {
        builder.addExtension(
            new ASN1ObjectIdentifier(extension.getKey()), false, extension.getValue());
      }
      return new ClientIdentity(key.getPrivate(), List.of(sign(builder, issuerKey), issuer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
