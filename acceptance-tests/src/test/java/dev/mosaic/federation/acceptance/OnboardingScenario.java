package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PeerRequest;
import dev.mosaic.federation.bootstrap.GatewayComponent;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.pki.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-1 end to end: two gateways as separate {@code mosaic} processes on different loopback
 * addresses, each with its own database, onboard through {@code mosaic} commands only — on B
 * (127.0.0.2, serving) {@code user add}, {@code federation grant create}, {@code federation grant
 * token} while {@code gateway serve} runs; on A (127.0.0.3, requesting) {@code user add} and {@code
 * federation peer add <url>}. The tests then check both sides' listings, B's audit, the issued
 * certificate, A's sealed key and that the token never reached B's output. Subclasses choose B's
 * certificate authority.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnboardingScenario {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCOPE =
      "{\"resources\": [\"tasks\", \"notes\", \"memory\"], \"max_rows_per_query\": 50}";

  @TempDir static Path dir;

  Gateway work;
  Gateway home;
  MosaicProcess workServe;
  String subjectUserId;
  String grantId;
  String enrollmentUrl;
  Mosaic.Run peerAdd;
  final List<Mosaic.Run> workRuns = new ArrayList<>();

  /** B's certificate authority. */
  abstract Gateway.Ca servingCa();

  @BeforeAll
  void onboardThroughTheCli() {
    work =
        Gateway.named("work.example")
            .host("127.0.0.2")
            .ca(servingCa())
            .dir(dir.resolve("work"))
            .build();
    home = Gateway.named("home.example").host("127.0.0.3").dir(dir.resolve("home")).build();
    CompletableFuture<String> homeReady =
        CompletableFuture.supplyAsync(
            () -> home.ok("gateway", "migrate") + home.ok("user", "add", "alice"));
    work.ok("gateway", "migrate");
    workServe = work.serve();

    subjectUserId = onWork("user", "add", "alice.work", "--display-name", "Alice").strip();
    grantId =
        onWork(
                "federation",
                "grant",
                "create",
                "--user",
                "alice.work",
                "--peer",
                "home.example",
                "--scope",
                SCOPE)
            .strip();
    enrollmentUrl = onWork("federation", "grant", "token", grantId).strip();
    homeReady.join();

    peerAdd = home.mosaic("federation", "peer", "add", enrollmentUrl, "--local-user", "alice");
    assertThat(peerAdd.code()).as("peer add\n%s", peerAdd).isZero();
  }

  @AfterAll
  void stopGateways() {
    try {
      if (work != null) {
        work.close();
      }
    } finally {
      if (home != null) {
        home.close();
      }
    }
  }

  @Test
  void grantToken_printsTheEnrollmentUrlOfThePublicAddress() {
    EnrollmentUrls url = EnrollmentUrls.parse(enrollmentUrl);

    assertThat(enrollmentUrl)
        .startsWith(work.publicUrl() + "/api/federation/enrollment#token=")
        .contains("&pin=sha256:");
    assertThat(UUID.fromString(grantId).toString()).isEqualTo(grantId);
    assertThat(url.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(url.pinHex()).isEqualTo(IssuedCertificates.fingerprint(caRoot()));
  }

  @Test
  void grantList_onB_showsTheGrantActiveWithItsCertificatePinned() throws Exception {
    JsonNode grants = JSON.readTree(work.ok("federation", "grant", "list", "--json"));

    assertThat(grants).hasSize(1);
    JsonNode grant = grants.get(0);
    assertThat(grant.get("id").asText()).isEqualTo(grantId);
    assertThat(grant.get("status").asText()).isEqualTo("active");
    assertThat(grant.get("peer").asText()).isEqualTo("home.example");
    assertThat(grant.get("subject").asText()).isEqualTo("alice.work");
    assertThat(grant.get("subjectUserId").asText()).isEqualTo(subjectUserId);
    assertThat(grant.get("pinnedCertificates")).hasSize(1);
    assertThat(grant.get("pinnedCertificates").get(0).get("fingerprint").asText())
        .isEqualTo("sha256:" + IssuedCertificates.fingerprint(linkCertificate()));
  }

  @Test
  void peerList_onA_showsTheLinkActive() throws Exception {
    JsonNode links = JSON.readTree(home.ok("federation", "peer", "list", "--json"));

    assertThat(links).hasSize(1);
    JsonNode link = links.get(0);
    assertThat(link.get("state").asText()).isEqualTo("active");
    assertThat(link.get("localUser").asText()).isEqualTo("alice");
    assertThat(link.get("peer").asText()).isEqualTo("127.0.0.2");
    assertThat(link.get("endpoint").asText()).isEqualTo(work.publicUrl().toString());
    assertThat(link.get("grantId").asText()).isEqualTo(grantId);
    assertThat(link.get("remoteSubjectUserId").asText()).isEqualTo(subjectUserId);
    assertThat(link.get("pinnedCaFingerprint").asText())
        .isEqualTo("sha256:" + IssuedCertificates.fingerprint(caRoot()));
    assertThat(peerAdd.out()).contains("linked alice to 127.0.0.2");
  }

  @Test
  void issuedCertificate_namesTheGrantAndSubject_forClientAuthOnly() {
    X509Certificate certificate = linkCertificate();

    assertThat(IssuedCertificates.commonName(certificate)).isEqualTo("home.example");
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.GRANT_EXTENSION))
        .contains(grantId);
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.SUBJECT_EXTENSION))
        .contains(subjectUserId);
    assertThat(IssuedCertificates.extendedKeyUsage(certificate))
        .containsExactly(IssuedCertificates.CLIENT_AUTH);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
  }

  /** The grant's lifecycle events (federated requests of other tests left out). */
  @Test
  void audit_onB_recordsGrantCreatedTokenIssuedAndEnrolled() {
    List<Map<String, Object>> rows =
        work.database()
            .rows(
                "select event, outcome from federation_audit_log where grant_id = ?"
                    + " and event not in ('capabilities', 'list', 'get', 'search')"
                    + " order by occurred_at, event",
                UUID.fromString(grantId));

    assertThat(rows)
        .extracting(r -> r.get("event") + "/" + r.get("outcome"))
        .containsExactly("grant_created/allowed", "token_issued/allowed", "enrolled/allowed");
  }

  @Test
  void token_neverAppearsInTheOutputOfB() {
    String token = EnrollmentUrls.parse(enrollmentUrl).token();

    assertThat(workServe.stdout().lines())
        .containsExactly("listening on " + work.publicUrl(), "session API on " + work.localUrl());
    assertThat(workServe.stderr()).doesNotContain(token);
    for (Mosaic.Run run : workRuns) {
      assertThat(run.err()).doesNotContain(token);
    }
    assertThat(peerAdd.out() + peerAdd.err()).doesNotContain(token);
    assertThat(work.database().snapshot().toString()).doesNotContain(token);
  }

  @Test
  void linkKey_inTheDatabaseOfA_isCiphertextOfTheCertifiedKey() throws Exception {
    byte[] sealed = sealedKey();

    try (GatewayComponent a = component(home.environment())) {
      byte[] pkcs8 = a.keySealer().open(SealedSecret.of(sealed)).orElseThrow();
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));

      assertThat(signsFor(key, linkCertificate())).isTrue();
      assertThat(HexFormat.of().formatHex(sealed))
          .doesNotContain(HexFormat.of().formatHex(pkcs8))
          .doesNotContain("06072a8648ce3d0201"); // the EC key OID every PKCS#8 EC key holds
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
          .doesNotContain("BEGIN", "PRIVATE KEY");
    }
  }

  @Test
  void linkKey_underAnotherSealingKey_cannotBeOpened_andTheTransportSaysSo() {
    Map<String, String> wrongKey = new HashMap<>(home.environment());
    wrongKey.put("MOSAIC_SECRETS_SEALING_KEY", "another-sealing-key-of-at-least-32-characters");

    try (GatewayComponent a = component(wrongKey)) {
      Link link = a.links().findAll().getFirst();

      assertThat(a.keySealer().open(SealedSecret.of(sealedKey()))).isEmpty();
      assertThatThrownBy(
              () ->
                  a.peerTransport().send(link, PeerRequest.get("/api/federation/v1/capabilities")))
          .isInstanceOf(InfrastructureException.class)
          .hasMessageContaining("cannot be opened with the configured sealing key")
          .hasMessageNotContaining("another-sealing-key");
    }
    try (GatewayComponent a = component(home.environment())) {
      Link link = a.links().findAll().getFirst();

      assertThat(a.peerTransport().send(link, PeerRequest.get("/api/federation/v1/capabilities")))
          .isNotNull();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String onWork(String... args) {
    Mosaic.Run run = work.mosaic(args);
    workRuns.add(run);
    assertThat(run.code()).as("mosaic %s\n%s", String.join(" ", args), run).isZero();
    return run.out();
  }

  X509Certificate linkCertificate() {
    return EnrollmentClient.certificate(
        (String)
            home.database()
                .rows("select certificate_pem from federation_links")
                .getFirst()
                .get("certificate_pem"));
  }

  private byte[] sealedKey() {
    return (byte[])
        home.database()
            .rows("select sealed_private_key from federation_links")
            .getFirst()
            .get("sealed_private_key");
  }

  /** B's CA root as the operator has it: the local CA's file, or step-ca's root. */
  X509Certificate caRoot() {
    return switch (servingCa()) {
      case LOCAL -> EnrollmentClient.certificate(work.dir().resolve("pki/ca/root.crt"));
      case STEPCA -> EnrollmentClient.certificate(TestServices.stepCaRootFile());
    };
  }

  static GatewayComponent component(Map<String, String> environment) {
    return GatewayComponent.create(ConfigLoader.load(Optional.empty(), environment));
  }

  private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
    byte[] message = "proof of possession".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(message);
    return verifier.verify(signature);
  }
}
