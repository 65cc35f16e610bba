package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving side (B) as an operator and as peers meet it: {@code grant create} refuses bad input
 * and writes nothing; an enrollment token is single use across two B processes that share one
 * database and one local CA; expired, used, revoked and unknown tokens and bad CSRs are refused
 * without changing any row; the certificate is B's, whatever the CSR asked for; no token reaches
 * B's output, even with its own logging at INFO.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServingSideTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PEER = "home.example";
  static final String SCOPE = "{\"resources\": [\"tasks\", \"notes\"]}";

  /** The replicas log at INFO, so that the token check also covers informational lines. */
  static final Map<String, String> VERBOSE = Map.of("MOSAIC_LOG_LEVEL", "INFO");

  @TempDir static Path dir;

  Gateway b1;
  Gateway b2;
  MosaicProcess b1Serve;
  MosaicProcess b2Serve;
  EnrollmentClient client;
  String subjectUserId;
  final List<String> tokens = new ArrayList<>();

  @BeforeAll
  void twoReplicasOfB() {
    b1 = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("b1")).build();
    b1.ok("gateway", "migrate");
    b1Serve = b1.serve(VERBOSE);
    b2 =
        Gateway.named("work.example")
            .replicaOf(b1)
            .host("127.0.0.2")
            .dir(dir.resolve("b2"))
            .build();
    b2Serve = b2.serve(VERBOSE);
    subjectUserId = b1.ok("user", "add", "bob").strip();
    client =
        new EnrollmentClient(EnrollmentClient.certificate(b1.dir().resolve("pki/ca/root.crt")));
  }

  @AfterAll
  void stopReplicas() {
    try {
      if (b2 != null) {
        b2.close();
      }
    } finally {
      if (b1 != null) {
        b1.close();
      }
    }
  }

  // ---- grant create ---------------------------------------------------------------------------

  @Test
  void grantCreate_unknownResource_isRefusedNamingTheField_andWritesNothing() {
    assertRefused("{\"resources\": [\"tasks\", \"taks\"]}", "bob", "resources[1]", "taks");
  }

  @Test
  void grantCreate_emptyResourceList_isRefusedNamingTheField_andWritesNothing() {
    assertRefused("{\"resources\": []}", "bob", "resources");
  }

  @Test
  void grantCreate_overlapOfResourcesAndExclusions_isRefusedNamingTheField_andWritesNothing() {
    assertRefused(
        "{\"resources\": [\"tasks\", \"notes\"], \"excluded_resources\": [\"notes\"]}",
        "bob",
        "excluded_resources",
        "notes");
  }

  @Test
  void grantCreate_unknownUser_isRefusedNamingIt_andWritesNothing() {
    assertRefused(SCOPE, "nobody", "nobody");
  }

  @Test
  void grantCreate_malformedJson_isRefused_andWritesNothing() {
    assertRefused("{\"resources\": [\"tasks\"", "bob", "--scope", "invalid JSON");
  }

  @Test
  void grantCreate_sensitiveResource_warnsOnStderr_andPrintsOnlyTheId() {
    Mosaic.Run run =
        b1.mosaic(
            "federation",
            "grant",
            "create",
            "--user",
            "bob",
            "--peer",
            PEER,
            "--scope",
            "{\"resources\": [\"tasks\", \"credentials\"]}",
            "--expires-in",
            "90d");

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(UUID.fromString(run.out().strip())).isNotNull();
    assertThat(run.err()).startsWith("warning: ").contains("credentials");
  }

  // ---- single use across replicas -------------------------------------------------------------

  @Test
  void twentyConcurrentRedemptions_overTwoReplicas_issueExactlyOneCertificate() throws Exception {
    String grantId = newGrant();
    String token = newToken(grantId);
    KeyPair shared = Csrs.ecKey();
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keys.add(i % 3 == 0 ? shared : Csrs.ecKey()); // 7 requests share one key, 13 have their own
    }

    List<EnrollmentClient.Answer> answers = concurrently(token, keys);

    Set<String> certificates = new HashSet<>();
    KeyPair winner = null;
    int enrolled = 0;
    for (int i = 0; i < answers.size(); i++) {
      EnrollmentClient.Answer answer = answers.get(i);
      assertThat(answer.status()).as("request %d: %s", i, answer).isIn(200, 410);
      if (answer.status() == 200) {
        enrolled++;
        winner = keys.get(i);
        X509Certificate certificate = EnrollmentClient.certificate(answer.certificate());
        certificates.add(IssuedCertificates.fingerprint(certificate));
        assertThat(certificate.getPublicKey()).isEqualTo(keys.get(i).getPublic());
        assertThat(answer.body().get("grantId").asText()).isEqualTo(grantId);
      } else {
        assertThat(answer.body().at("/error/code").asText()).isEqualTo("gone");
      }
    }
    assertThat(certificates).hasSize(1);
    assertThat(enrolled).isIn(1, 7); // the winner's key alone, or all seven with the shared key
    assertThat(pinnedFingerprints(grantId)).containsExactlyElementsOf(certificates);
    assertThat(grantStatus(grantId)).isEqualTo("active");
    assertThat(auditEvents(grantId)).contains("enrolled/allowed", "enrollment_failed/denied");

    // A lost response never strands a grant: concurrent retries by the winner's key, on both
    // replicas, each get that same certificate and pin nothing new.
    List<EnrollmentClient.Answer> retries =
        concurrently(token, List.of(winner, winner, winner, winner));

    assertThat(retries).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
    assertThat(retries)
        .extracting(
            r -> IssuedCertificates.fingerprint(EnrollmentClient.certificate(r.certificate())))
        .isSubsetOf(certificates);
    assertThat(pinnedFingerprints(grantId)).containsExactlyElementsOf(certificates);
  }

  /**
   * One redemption of {@code token} per key (each with its own CSR), all released at once, spread
   * over both replicas; the answers in the order of {@code keys}.
   */
  private List<EnrollmentClient.Answer> concurrently(String token, List<KeyPair> keys)
      throws Exception {
    List<URI> replicas = List.of(b1.publicUrl(), b2.publicUrl());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<EnrollmentClient.Answer>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(keys.size())) {
      for (int i = 0; i < keys.size(); i++) {
        URI replica = replicas.get(i % 2);
        String csr = Csrs.csr(keys.get(i), PEER);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return client.enroll(replica, token, csr);
                }));
      }
      start.countDown();
    }
    List<EnrollmentClient.Answer> answers = new ArrayList<>();
    for (Future<EnrollmentClient.Answer> future : futures) {
      answers.add(future.get());
    }
    return answers;
  }

  private List<Object> pinnedFingerprints(String grantId) {
    return b1
        .database()
        .rows(
            "select fingerprint from federation_pinned_certificates where grant_id = ?",
            UUID.fromString(grantId))
        .stream()
        .map(r -> r.get("fingerprint"))
        .toList();
  }

  // ---- refused tokens change nothing ----------------------------------------------------------

  @Test
  void expiredToken_is410_andChangesNothing() throws Exception {
    String grantId = newGrant();
    JsonNode issued =
        JSON.readTree(b1.ok("federation", "grant", "token", grantId, "--ttl", "1s", "--json"));
    String token = EnrollmentUrls.parse(issued.get("url").asText()).token();
    tokens.add(token);
    Instant expiresAt = Instant.parse(issued.get("expiresAt").asText());
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt));

    assertRefusedWithoutChange(b2.publicUrl(), token, Csrs.csr(Csrs.ecKey(), PEER), 410, "gone");
    assertThat(grantStatus(grantId)).isEqualTo("pending");
  }

  @Test
  void usedToken_withAnotherKey_is410_butTheSameKeyGetsTheSameCertificateAgain() {
    String grantId = newGrant();
    String token = newToken(grantId);
    KeyPair key = Csrs.ecKey();
    EnrollmentClient.Answer first = client.enroll(b1.publicUrl(), token, Csrs.csr(key, PEER));
    assertThat(first.status()).as("%s", first).isEqualTo(200);

    assertRefusedWithoutChange(b2.publicUrl(), token, Csrs.csr(Csrs.ecKey(), PEER), 410, "gone");
    EnrollmentClient.Answer retry = client.enroll(b2.publicUrl(), token, Csrs.csr(key, PEER));
    assertThat(retry.status()).as("%s", retry).isEqualTo(200);
    assertThat(retry.certificate()).isEqualTo(first.certificate());
  }

  @Test
  void tokenOfARevokedGrant_is410_andChangesNothing() {
    String grantId = newGrant();
    String token = newToken(grantId);
    b1.ok("federation", "grant", "revoke", grantId, "--reason", "acceptance test");

    assertRefusedWithoutChange(b1.publicUrl(), token, Csrs.csr(Csrs.ecKey(), PEER), 410, "gone");
    assertThat(grantStatus(grantId)).isEqualTo("revoked");
    assertThat(b1.mosaic("federation", "grant", "token", grantId).code()).isEqualTo(4);
  }

  @Test
  void unknownToken_is404_andChangesNothing() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

    assertRefusedWithoutChange(
        b2.publicUrl(), token, Csrs.csr(Csrs.ecKey(), PEER), 404, "not_found");
  }

  @Test
  void badCsrs_are400_leaveTheTokenRedeemable_andForgedExtensionsAreIgnored() throws Exception {
    String grantId = newGrant();
    String token = newToken(grantId);

    for (String csr :
        List.of(
            Csrs.malformed(),
            Csrs.csr(Csrs.rsaKey(1024), PEER, "SHA256withRSA"),
            Csrs.csr(Csrs.ecKey(), PEER, "SHA1withECDSA"),
            Csrs.csrWithBrokenSignature(Csrs.ecKey(), PEER))) {
      assertRefusedWithoutChange(b1.publicUrl(), token, csr, 400, "invalid_request");
    }
    KeyPair key = Csrs.ecKey();
    EnrollmentClient.Answer answer =
        client.enroll(
            b2.publicUrl(), token, Csrs.csrRequestingForgedExtensions(key, "evil.example"));

    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    X509Certificate certificate = EnrollmentClient.certificate(answer.certificate());
    assertThat(IssuedCertificates.commonName(certificate)).isEqualTo(PEER);
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.GRANT_EXTENSION))
        .contains(grantId);
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.SUBJECT_EXTENSION))
        .contains(subjectUserId);
    assertThat(IssuedCertificates.extendedKeyUsage(certificate))
        .containsExactly(IssuedCertificates.CLIENT_AUTH);
    assertThat(certificate.getSubjectAlternativeNames()).isNull();
    assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
  }

  @Test
  void tokens_neverAppearInTheOutputOfEitherReplica() {
    String token = newToken(newGrant());
    client.enroll(b1.publicUrl(), token, Csrs.malformed());
    client.enroll(b2.publicUrl(), token, Csrs.csr(Csrs.ecKey(), PEER));

    for (MosaicProcess replica : List.of(b1Serve, b2Serve)) {
      assertThat(replica.stdout().lines())
          .hasSize(2)
          .allMatch(l -> l.startsWith("listening on ") || l.startsWith("session API on "));
      assertThat(replica.stderr()).contains(" INFO ");
      for (String issued : tokens) {
        assertThat(replica.stdout() + replica.stderr()).doesNotContain(issued);
      }
    }
    assertThat(b1.database().snapshot().toString()).doesNotContain(tokens);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void assertRefused(String scope, String user, String... mentions) {
    Map<String, List<Map<String, Object>>> before = b1.database().snapshot();

    Mosaic.Run run =
        b1.mosaic(
            "federation", "grant", "create", "--user", user, "--peer", PEER, "--scope", scope);

    assertThat(run.code()).as("%s", run).isIn(1, 2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("mosaic: ").contains(mentions).contains("no grant");
    assertThat(b1.database().snapshot()).isEqualTo(before);
  }

  private void assertRefusedWithoutChange(
      URI replica, String token, String csr, int status, String code) {
    Map<String, List<Map<String, Object>>> before = withoutAudit(b1.database().snapshot());
    long audited = b1.database().count("federation_audit_log");

    EnrollmentClient.Answer answer = client.enroll(replica, token, csr);

    assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    assertThat(answer.body().at("/error/code").asText()).isEqualTo(code);
    assertThat(withoutAudit(b1.database().snapshot())).isEqualTo(before);
    assertThat(b1.database().count("federation_audit_log")).isEqualTo(audited + 1);
  }

  private static Map<String, List<Map<String, Object>>> withoutAudit(
      Map<String, List<Map<String, Object>>> snapshot) {
    snapshot.remove("federation_audit_log");
    return snapshot;
  }

  private String newGrant() {
    return b1.ok("federation", "grant", "create", "--user", "bob", "--peer", PEER, "--scope", SCOPE)
        .strip();
  }

  private String newToken(String grantId) {
    String token = EnrollmentUrls.parse(b1.ok("federation", "grant", "token", grantId)).token();
    tokens.add(token);
    return token;
  }

  private String grantStatus(String grantId) {
    return (String)
        b1.database()
            .rows("select status from federation_grants where id = ?", UUID.fromString(grantId))
            .getFirst()
            .get("status");
  }

  private List<String> auditEvents(String grantId) {
    return b1
        .database()
        .rows(
            "select event, outcome from federation_audit_log where grant_id = ?"
                + " order by occurred_at",
            UUID.fromString(grantId))
        .stream()
        .map(r -> r.get("event") + "/" + r.get("outcome"))
        .toList();
  }
}
