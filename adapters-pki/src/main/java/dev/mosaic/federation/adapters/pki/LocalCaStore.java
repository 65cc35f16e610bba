package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local CA's files, in the directory {@value #CA_DIR} under {@code pki.local.dir}: {@code
 * root.crt} and {@code intermediate.crt} (PEM), {@code root.key.sealed} and {@code
 * intermediate.key.sealed} (PKCS#8 sealed by the {@link KeySealer}, never plaintext). Directory
 * 0700, files 0600 where the file system has POSIX permissions.
 *
 * <p>Created once: the files are written into a fresh temporary directory beside it, which is then
 * renamed atomically into place. Of two processes creating at the same time, one rename wins; the
 * other finds the directory taken, discards its own and loads the winner's.
 */
final class LocalCaStore {

  static final String CA_DIR = "ca";
  static final String ROOT_CERTIFICATE = "root.crt";
  static final String ROOT_KEY = "root.key.sealed";
  static final String INTERMEDIATE_CERTIFICATE = "intermediate.crt";
  static final String INTERMEDIATE_KEY = "intermediate.key.sealed";

  static final Duration ROOT_LIFETIME = Duration.ofDays(20 * 365);
  static final Duration INTERMEDIATE_LIFETIME = Duration.ofDays(10 * 365);

  /** Tolerates clocks of replicas that run a little behind the creator's. */
  private static final Duration BACKDATE = Duration.ofHours(1);

  private static final String SIGNATURE = "SHA384withECDSA";
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** The CA's certificates and the intermediate's key, which signs everything. */
  record Material(X509Certificate root, X509Certificate intermediate, PrivateKey intermediateKey) {
    @Override
    public String toString() {
      return "LocalCaStore.Material[" + root.getSubjectX500Principal().getName() + "]";
    }
  }

  private LocalCaStore() {}

  /** Whether {@code dir} already holds a CA (complete or not: it is never partially created). */
  static boolean exists(Path dir) {
    return Files.exists(dir.resolve(CA_DIR));
  }

  /**
   * Loads the CA in {@code dir}, creating it first when there is none.
   *
   * @throws InfrastructureException (not transient) naming {@code pki.local.dir} or {@code
   *     secrets.sealingKey} when the directory is unusable or the keys do not open
   */
  static Material loadOrCreate(
      Path dir, KeySealer sealer, InstantSource clock, SecureRandom random) {
    if (!exists(dir)) {
      create(dir, sealer, clock.instant(), random);
    }
    return load(dir, sealer);
  }

  /**
   * Loads the CA in {@code dir}: both certificates, both keys opened, the intermediate signed by
   * the root and matching its key.
   *
   * @throws InfrastructureException (not transient) saying what is wrong
   */
  static Material load(Path dir, KeySealer sealer) {
    Path ca = dir.resolve(CA_DIR);
    X509Certificate root = certificate(ca.resolve(ROOT_CERTIFICATE));
    X509Certificate intermediate = certificate(ca.resolve(INTERMEDIATE_CERTIFICATE));
    PrivateKey rootKey = key(ca.resolve(ROOT_KEY), sealer);
    PrivateKey intermediateKey = key(ca.resolve(INTERMEDIATE_KEY), sealer);
    try {
      intermediate.verify(root.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw unusable(ca, "the intermediate certificate is not signed by the root");
    }
    if (!Certificates.keyMatches(rootKey, root)
        || !Certificates.keyMatches(intermediateKey, intermediate)) {
      throw unusable(ca, "a key file does not belong to its certificate");
    }
    return new Material(root, intermediate, intermediateKey);
  }

  private static void create(Path dir, KeySealer sealer, Instant now, SecureRandom random) {
    Path staging;
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, ownerOnly("rwx------"));
      }
      staging = Files.createTempDirectory(dir, ".ca-", ownerOnly("rwx------"));
    } catch (IOException e) {
      throw new InfrastructureException(
          "pki.local.dir: cannot create the local CA in "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          false);
    }
    try {
      writeNewCa(staging, sealer, now, random);
      try {
        Files.move(staging, dir.resolve(CA_DIR), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!exists(dir)) {
          throw e;
        }
        // another process created the CA first: use theirs
      }
    } catch (IOException e) {
      throw new InfrastructureException(
          "pki.local.dir: cannot write the local CA into " + dir + " (" + e.getMessage() + ")",
          false);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void writeNewCa(Path staging, KeySealer sealer, Instant now, SecureRandom random)
      throws IOException {
    String id = HexFormat.of().formatHex(randomBytes(random, 4));
    KeyPair rootKey = EcKeys.generate(EcKeys.P384, random);
    KeyPair intermediateKey = EcKeys.generate(EcKeys.P384, random);
    X500Name rootName = name("Mosaic Federation Local Root CA " + id);
    X500Name intermediateName = name("Mosaic Federation Local Intermediate CA " + id);
    try {
      var utils = new JcaX509ExtensionUtils();
      var rootBuilder =
          new JcaX509v3CertificateBuilder(
                  rootName,
                  serial(random),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(ROOT_LIFETIME)),
                  rootName,
                  rootKey.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(rootKey.getPublic()));
      X509Certificate root = sign(rootBuilder, rootKey.getPrivate(), random);
      var intermediateBuilder =
          new JcaX509v3CertificateBuilder(
                  root,
                  serial(random),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(INTERMEDIATE_LIFETIME)),
                  intermediateName,
                  intermediateKey.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(intermediateKey.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(root));
      X509Certificate intermediate = sign(intermediateBuilder, rootKey.getPrivate(), random);
      writeOwnerOnly(
          staging.resolve(ROOT_CERTIFICATE),
          Certificates.toPem(root).getBytes(StandardCharsets.US_ASCII));
      writeOwnerOnly(
          staging.resolve(INTERMEDIATE_CERTIFICATE),
          Certificates.toPem(intermediate).getBytes(StandardCharsets.US_ASCII));
      writeOwnerOnly(
          staging.resolve(ROOT_KEY), sealer.seal(rootKey.getPrivate().getEncoded()).ciphertext());
      writeOwnerOnly(
          staging.resolve(INTERMEDIATE_KEY),
          sealer.seal(intermediateKey.getPrivate().getEncoded()).ciphertext());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new InfrastructureException(
          "cannot create the local CA's certificates: " + e.getMessage(), false);
    }
  }

  /** Signs a certificate; package-private so the CA itself issues the same way. */
  static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signer, SecureRandom random)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(SIGNATURE).setSecureRandom(random).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with the CA key", e);
    }
  }

  /** A random positive serial of 128 bits. */
  static BigInteger serial(SecureRandom random) {
    return new BigInteger(1, randomBytes(random, 16)).setBit(127);
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static byte[] randomBytes(SecureRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static X509Certificate certificate(Path file) {
    try {
      return Certificates.readSingle(file);
    } catch (CertificateException e) {
      throw unusable(file.getParent(), e.getMessage());
    }
  }

  private static PrivateKey key(Path file, KeySealer sealer) {
    byte[] sealed;
    try {
      sealed = Files.readAllBytes(file);
    } catch (IOException e) {
      throw unusable(file.getParent(), "cannot read " + file.getFileName());
    }
    if (sealed.length == 0) {
      throw unusable(file.getParent(), file.getFileName() + " is empty");
    }
    byte[] pkcs8 =
        sealer
            .open(SealedSecret.of(sealed))
            .orElseThrow(
                () ->
                    new InfrastructureException(
                        "secrets.sealingKey: the sealing key does not open the local CA's keys in "
                            + file.getParent()
                            + "; configure the key the CA was created with",
                        false));
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw unusable(file.getParent(), file.getFileName() + " does not hold an EC private key");
    }
  }

  private static InfrastructureException unusable(Path ca, String problem) {
    return new InfrastructureException(
        "pki.local.dir: the local CA in " + ca + " is unusable: " + problem, false);
  }

  private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Files.createFile(file, ownerOnly("rw-------"));
    Files.write(file, content);
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(LocalCaStore::deleteQuietly);
    } catch (IOException e) {
      // a leftover staging directory holds only sealed keys and is ignored
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see deleteRecursively
    }
  }
}
