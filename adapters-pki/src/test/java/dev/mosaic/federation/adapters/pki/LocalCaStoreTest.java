package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaStoreTest {

  @TempDir Path dir;

  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);

  @Test
  void loadOrCreate_emptyDir_writesPemCertificatesAndSealedKeysForTheOwnerOnly() throws Exception {
    LocalCaStore.Material ca = create(dir);

    Path caDir = dir.resolve(LocalCaStore.CA_DIR);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir)))
        .isEqualTo("rwx------");
    for (String file :
        List.of(
            LocalCaStore.ROOT_CERTIFICATE,
            LocalCaStore.INTERMEDIATE_CERTIFICATE,
            LocalCaStore.ROOT_KEY,
            LocalCaStore.INTERMEDIATE_KEY)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caDir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    assertThat(Certificates.readSingle(caDir.resolve(LocalCaStore.ROOT_CERTIFICATE)))
        .isEqualTo(ca.root());
    assertThat(Certificates.readSingle(caDir.resolve(LocalCaStore.INTERMEDIATE_CERTIFICATE)))
        .isEqualTo(ca.intermediate());
    assertSealed(caDir.resolve(LocalCaStore.ROOT_KEY));
    assertSealed(caDir.resolve(LocalCaStore.INTERMEDIATE_KEY));
  }

  @Test
  void loadOrCreate_newCa_isAP384RootAndIntermediateWithPathLengths() throws Exception {
    LocalCaStore.Material ca = create(dir);

    ca.intermediate().verify(ca.root().getPublicKey());
    ca.root().verify(ca.root().getPublicKey());
    assertThat(ca.root().getBasicConstraints()).isEqualTo(1);
    assertThat(ca.intermediate().getBasicConstraints()).isZero();
    assertThat(
            ((ECPublicKey) ca.root().getPublicKey())
                .getParams()
                .getCurve()
                .getField()
                .getFieldSize())
        .isEqualTo(384);
    assertThat(ca.root().getNotAfter().toInstant())
        .isAfter(ca.intermediate().getNotAfter().toInstant());
    assertThat(ca.root().getSubjectX500Principal().getName())
        .contains("Mosaic Federation Local Root CA");
  }

  @Test
  void loadOrCreate_again_reloadsTheSameCaAndRewritesNothing() throws Exception {
    LocalCaStore.Material first = create(dir);
    byte[] sealedKey =
        Files.readAllBytes(dir.resolve(LocalCaStore.CA_DIR).resolve(LocalCaStore.INTERMEDIATE_KEY));

    LocalCaStore.Material second = create(dir);

    assertThat(second.root()).isEqualTo(first.root());
    assertThat(second.intermediate()).isEqualTo(first.intermediate());
    assertThat(second.intermediateKey()).isEqualTo(first.intermediateKey());
    assertThat(
            Files.readAllBytes(
                dir.resolve(LocalCaStore.CA_DIR).resolve(LocalCaStore.INTERMEDIATE_KEY)))
        .isEqualTo(sealedKey);
  }

  @Test
  void loadOrCreate_concurrentCreators_allLoadOneCaAndLeaveNoStagingBehind() throws Exception {
    int creators = 8;
    var start = new CountDownLatch(1);
    List<Future<LocalCaStore.Material>> results = new ArrayList<>();
    try (var executor = Executors.newFixedThreadPool(creators)) {
      for (int i = 0; i < creators; i++) {
        Callable<LocalCaStore.Material> creator =
            () -> {
              start.await();
              return LocalCaStore.loadOrCreate(
                  dir, TestLocalCa.sealer(), clock, new SecureRandom());
            };
        results.add(executor.submit(creator));
      }
      start.countDown();
      var roots = new ArrayList<String>();
      for (var result : results) {
        roots.add(Certificates.sha256Hex(result.get().root()));
      }
      assertThat(roots).hasSize(creators).containsOnly(roots.getFirst());
    }
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(LocalCaStore.CA_DIR);
    }
  }

  @Test
  void loadOrCreate_anotherSealingKey_failsNamingTheSealingKey() {
    create(dir);
    var otherSealer = new AesGcmKeySealer(TestLocalCa.OTHER_SEALING_KEY, new SecureRandom());

    assertThatThrownBy(() -> LocalCaStore.loadOrCreate(dir, otherSealer, clock, new SecureRandom()))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith("secrets.sealingKey: the sealing key does not open")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void load_intermediateReplaced_failsNamingTheDirectory() throws Exception {
    create(dir);
    Files.writeString(
        dir.resolve(LocalCaStore.CA_DIR).resolve(LocalCaStore.INTERMEDIATE_CERTIFICATE),
        TestPki.pem("CERTIFICATE", TestPki.selfSigned("Impostor", true).getEncoded()));

    assertThatThrownBy(() -> LocalCaStore.load(dir, TestLocalCa.sealer()))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.local.dir: the local CA in")
        .hasMessageContaining("not signed by the root");
  }

  @Test
  void load_keyFileMissing_failsNamingTheFile() throws Exception {
    create(dir);
    Files.delete(dir.resolve(LocalCaStore.CA_DIR).resolve(LocalCaStore.ROOT_KEY));

    assertThatThrownBy(() -> LocalCaStore.load(dir, TestLocalCa.sealer()))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.local.dir")
        .hasMessageContaining(LocalCaStore.ROOT_KEY);
  }

  @Test
  void loadOrCreate_dirBelowAFile_failsNamingTheSetting() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> create(file.resolve("ca-dir")))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("pki.local.dir: cannot create the local CA in");
  }

  private LocalCaStore.Material create(Path target) {
    return LocalCaStore.loadOrCreate(target, TestLocalCa.sealer(), clock, new SecureRandom());
  }

  /** The file is ciphertext: it opens to a PKCS#8 EC key and holds none of its bytes. */
  private static void assertSealed(Path file) throws Exception {
    byte[] sealed = Files.readAllBytes(file);
    byte[] pkcs8 = TestLocalCa.sealer().open(SealedSecret.of(sealed)).orElseThrow();
    assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)))
        .isNotNull();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
    String hex = HexFormat.of().formatHex(sealed);
    for (int i = 0; i + 8 <= pkcs8.length; i += 4) {
      assertThat(hex).doesNotContain(HexFormat.of().formatHex(pkcs8, i, i + 8));
    }
  }
}
