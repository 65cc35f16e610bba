package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.testing.CuttableRelay;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-4, revocation that bites on the next request (SPEC §5.3), with every gateway a {@code mosaic}
 * process on the local CA: B ({@code work}, 127.0.0.2), a second replica of B sharing B's database
 * whose Valkey path runs through a {@link CuttableRelay}, and A ({@code home}, 127.0.0.3, {@code
 * cache.ttl: 0}). Each test revokes grants of its own, so they do not depend on one another.
 *
 * <ul>
 *   <li>A query loop through A's session API across {@code grant revoke} on B: no request started
 *       after the command returned succeeds, and A's first failure reads as a revocation of that
 *       peer ({@code revoked}, {@code grant_revoked}) — the time to it is measured and printed;
 *   <li>a connection kept alive from before the revocation: B closes it (the Valkey broadcast); the
 *       replica cut off from Valkey keeps it open but refuses its next request, 403 {@code
 *       grant_revoked}, on the very same TLS connection;
 *   <li>revoking one of two grants the same peer holds leaves the other working;
 *   <li>the local CA's CRL lists the revoked serials and verifies up to the pinned CA root;
 *   <li>{@code user delete} revokes the user's grants and no other;
 *   <li>{@code grant scope} narrows access on the very next request.
 * </ul>
 *
 * <p>The raw mTLS clients present a certificate B issued at a real enrollment ({@link
 * ClientIdentity#enroll}): to B exactly what a link's certificate is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationTest {
  static final String PEER = "home.example";
  static final String SCOPE = "{\"resources\": [\"tasks\", \"notes\"]}";

  /** The loop queries as fast as it can: its grant's bucket must not be what refuses it. */
  static final String LOOP_SCOPE =
      "{\"resources\": [\"tasks\"], \"rate_limit\": {\"requests_per_minute\": 600000,"
          + " \"burst\": 100000}}";

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  Gateway work;
  Gateway workReplica;
  Gateway home;
  CuttableRelay valkeyPath;
  X509Certificate root;
  SessionClient alice;
  SessionClient bob;
  String loopGrant;
  String firstOfTwo;
  String secondOfTwo;

  @BeforeAll
  void twoReplicasOfBAndA() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    home = Gateway.named(PEER).host("127.0.0.3").dir(dir.resolve("home")).build();
    CompletableFuture<Void> homeReady =
        CompletableFuture.runAsync(
            () -> {
              home.ok("gateway", "migrate");
              ReferenceData local = new ReferenceData(home.database());
              local.user("alice");
              local.user("bob");
            });
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    ReferenceData data = new ReferenceData(work.database());
    for (String user : List.of("ada", "ben", "cy", "dee", "eve")) {
      UUID id = data.user(user);
      data.rows("tasks", id, null, 2, ReferenceData.SAME_INSTANT);
      data.rows("notes", id, null, 1, ReferenceData.SAME_INSTANT);
    }
    serving.join();
    root = PeerClient.caRoot(work);

    URI valkey = URI.create(TestServices.valkeyUrl());
    valkeyPath = new CuttableRelay(new InetSocketAddress(valkey.getHost(), valkey.getPort()));
    workReplica =
        Gateway.named("work.example")
            .replicaOf(work)
            .host("127.0.0.2")
            .dir(dir.resolve("work-replica"))
            .build();
    loopGrant = work.createGrant("ada", PEER, LOOP_SCOPE);
    firstOfTwo = work.createGrant("ben", PEER, SCOPE);
    secondOfTwo = work.createGrant("ben", PEER, SCOPE);
    homeReady.join();
    link(loopGrant, "alice", "work");
    link(firstOfTwo, "bob", "work-a");
    link(secondOfTwo, "bob", "work-b");
    home.serve(Map.of("MOSAIC_CACHE_TTL", "0"));
    alice = SessionClient.forUser(home, "alice");
    bob = SessionClient.forUser(home, "bob");
    // Started last, on a quieter machine: its doctor must reach Valkey through the relay in time.
    workReplica.serve(
        Map.of(
            "MOSAIC_VALKEY_URL",
            TestServices.valkeyUrl()
                .replace(
                    valkey.getHost() + ":" + valkey.getPort(), "127.0.0.1:" + valkeyPath.port())));
  }

  private void link(String grantId, String localUser, String name) {
    String url = work.ok("federation", "grant", "token", grantId).strip();
    home.ok("federation", "peer", "add", url, "--local-user", localUser, "--name", name);
  }

  @AfterAll
  void stopGateways() {
    try {
      if (home != null) {
        home.close();
      }
      if (workReplica != null) {
        workReplica.close();
      }
    } finally {
      if (work != null) {
        work.close();
      }
      if (valkeyPath != null) {
        valkeyPath.close();
      }
    }
  }

  /** One query of the loop: when it started and ended (nanoTime), and what A said of the source. */
  record Sample(
      long started, long ended, Instant endedAt, String status, String code, String message) {
    boolean ok() {
      return status.equals("ok");
    }
  }

  private static Sample sample(long started, HttpReply reply) {
    long ended = System.nanoTime();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode source = reply.json().get("sources").get(0);
    return new Sample(
        started,
        ended,
        Instant.now(),
        source.get("status").asText(),
        source.at("/error/code").asText(),
        source.at("/error/message").asText());
  }

  @Test
  void queryLoopAcrossARevoke_noRequestAfterItSucceeds_andTheFirstFailureReadsAsRevoked()
      throws Exception {
    List<Sample> samples = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> loop =
        CompletableFuture.runAsync(
            () -> {
              while (running.get()) {
                long started = System.nanoTime();
                samples.add(sample(started, alice.list("loop", "federated:work", "tasks")));
              }
            });
    long revokeReturned;
    try {
      await("the loop is served by B")
          .atMost(Duration.ofSeconds(30))
          .until(() -> samples.stream().filter(Sample::ok).count() >= 5);

      work.ok("federation", "grant", "revoke", loopGrant, "--reason", "AC-4");
      revokeReturned = System.nanoTime();

      long returned = revokeReturned;
      await("queries after the revoke")
          .atMost(Duration.ofSeconds(30))
          .until(() -> samples.stream().filter(s -> s.started() >= returned).count() >= 20);
    } finally {
      running.set(false);
    }
    loop.get();

    List<Sample> after = samples.stream().filter(s -> s.started() >= revokeReturned).toList();
    long successesAfter = after.stream().filter(Sample::ok).count();
    Sample firstFailure =
        samples.stream()
            .filter(s -> !s.ok())
            .min(Comparator.comparingLong(Sample::ended))
            .orElseThrow();
    long inFlight =
        samples.stream()
            .filter(s -> s.started() < revokeReturned && s.ended() > revokeReturned)
            .count();
    Instant committed =
        ((java.sql.Timestamp)
                work.database()
                    .rows("select revoked_at from federation_grants where id = ?::uuid", loopGrant)
                    .getFirst()
                    .get("revoked_at"))
            .toInstant();
    System.out.printf(
        "AC-4: first refusal on A %.1f ms after `grant revoke` returned on B (%.1f ms after B"
            + " recorded the revocation, revoked_at); %d queries started after the return, %d succeeded; %d in"
            + " flight when it returned; %d queries before it%n",
        (firstFailure.ended() - revokeReturned) / 1e6,
        Duration.between(committed, firstFailure.endedAt()).toNanos() / 1e6,
        after.size(),
        successesAfter,
        inFlight,
        samples.size() - after.size());

    assertThat(successesAfter).isZero();
    assertThat(firstFailure.status()).isEqualTo("revoked");
    assertThat(firstFailure.code()).isEqualTo("grant_revoked");
    assertThat(firstFailure.message()).contains("work").contains("revoked");
    assertThat(samples).extracting(Sample::status).containsOnly("ok", "revoked");
    assertThat(
            work.database()
                .rows(
                    "select 1 from federation_audit_log where grant_id = ?::uuid"
                        + " and status_code = 403 and outcome = 'denied'",
                    loopGrant))
        .isNotEmpty();
    JsonNode links =
        JSON.readTree(home.ok("federation", "peer", "list", "--local-user", "alice", "--json"));
    assertThat(links.get(0).get("state").asText()).isEqualTo("revoked");
  }

  @Test
  void keptAliveConnection_closedByB_andRefusedByTheReplicaThatMissedTheBroadcast()
      throws Exception {
    String grantId = work.createGrant("cy", PEER, SCOPE);
    ClientIdentity identity = ClientIdentity.enroll(work, grantId, PEER);
    try (KeptAliveConnection onB = KeptAliveConnection.open(work, root, identity);
        KeptAliveConnection onReplica = KeptAliveConnection.open(workReplica, root, identity)) {
      assertThat(onB.post(PeerClient.V1 + "/list/tasks", "{}").status()).isEqualTo(200);
      HttpReply before = onReplica.post(PeerClient.V1 + "/list/tasks", "{}");
      assertThat(before.status()).as("%s", before).isEqualTo(200);

      valkeyPath.cut();
      try {
        work.ok("federation", "grant", "revoke", grantId);

        await("B closes the connection of the revoked certificate")
            .atMost(Duration.ofSeconds(10))
            .until(onB::closedByServer);
        HttpReply refused = onReplica.post(PeerClient.V1 + "/list/tasks", "{}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("grant_revoked");
        assertThat(refused.text()).doesNotContain("\"items\"");
        assertThat(onReplica.currentSessionId()).isEqualTo(onReplica.openingSessionId());
        assertThat(work.database().auditOf(refused.requestId()))
            .singleElement()
            .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("denied"));
      } finally {
        valkeyPath.restore();
      }
    }
  }

  @Test
  void revokingOneOfTwoGrantsOfThePeer_leavesTheOtherWorking() {
    assertThat(status(bob.list("two", "federated:work-a", "tasks"))).isEqualTo("ok");
    assertThat(status(bob.list("two", "federated:work-b", "tasks"))).isEqualTo("ok");

    work.ok("federation", "grant", "revoke", firstOfTwo);

    assertThat(status(bob.list("two", "federated:work-a", "tasks"))).isEqualTo("revoked");
    assertThat(status(bob.list("two", "federated:work-b", "tasks"))).isEqualTo("ok");
    assertThat(status(bob.list("two", "federated:work-b", "tasks"))).isEqualTo("ok");
  }

  private static String status(HttpReply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().get("sources").get(0).get("status").asText();
  }

  @Test
  void crl_listsTheRevokedSerials_andVerifiesUpToThePinnedRoot() throws Exception {
    String grantId = work.createGrant("dee", PEER, SCOPE);
    ClientIdentity identity = ClientIdentity.enroll(work, grantId, PEER);
    work.ok("federation", "grant", "revoke", grantId);

    byte[] der = PeerClient.anonymous(work).bytes("/api/federation/crl");

    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    X509CRL crl = (X509CRL) x509.generateCRL(new ByteArrayInputStream(der));
    X509Certificate issuer = identity.chain().get(1);
    issuer.verify(root.getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(issuer.getSubjectX500Principal());
    crl.verify(issuer.getPublicKey());
    assertThat(crl.getRevokedCertificate(identity.certificate().getSerialNumber())).isNotNull();
    List<BigInteger> revokedSerials = new ArrayList<>();
    work.database()
        .rows("select serial_number from federation_revoked_certificates")
        .forEach(
            row -> revokedSerials.add(((BigDecimal) row.get("serial_number")).toBigIntegerExact()));
    assertThat(revokedSerials).isNotEmpty();
    for (BigInteger serial : revokedSerials) {
      assertThat(crl.getRevokedCertificate(serial)).as("serial %s", serial).isNotNull();
    }
    assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
  }

  @Test
  void userDelete_revokesTheUsersGrantsAndNoOther() throws Exception {
    String deleted = work.createGrant("eve", PEER, SCOPE);
    String deletedPending = work.createGrant("eve", PEER, SCOPE);
    String kept = work.createGrant("dee", PEER, SCOPE);
    ClientIdentity deletedIdentity = ClientIdentity.enroll(work, deleted, PEER);
    ClientIdentity keptIdentity = ClientIdentity.enroll(work, kept, PEER);
    Map<String, String> before = statuses();

    work.ok("user", "delete", "eve");

    Map<String, String> after = statuses();
    assertThat(after.get(deleted)).isEqualTo("revoked");
    assertThat(after.get(deletedPending)).isEqualTo("revoked");
    Map<String, String> others = new HashMap<>(after);
    others.remove(deleted);
    others.remove(deletedPending);
    Map<String, String> othersBefore = new HashMap<>(before);
    othersBefore.remove(deleted);
    othersBefore.remove(deletedPending);
    assertThat(others).isEqualTo(othersBefore);
    HttpReply refused = PeerClient.of(work, deletedIdentity).list("tasks", "{}");
    assertThat(refused.status()).as("%s", refused).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("grant_revoked");
    assertThat(PeerClient.of(work, keptIdentity).list("tasks", "{}").status()).isEqualTo(200);
  }

  private Map<String, String> statuses() throws Exception {
    Map<String, String> statuses = new HashMap<>();
    JSON.readTree(work.ok("federation", "grant", "list", "--json"))
        .forEach(g -> statuses.put(g.get("id").asText(), g.get("status").asText()));
    return statuses;
  }

  @Test
  void grantScope_narrowsAccessOnTheVeryNextRequest() {
    String grantId = work.createGrant("cy", PEER, SCOPE);
    PeerClient client = PeerClient.of(work, ClientIdentity.enroll(work, grantId, PEER));
    assertThat(client.list("notes", "{}").status()).isEqualTo(200);

    work.ok("federation", "grant", "scope", grantId, "--scope", "{\"resources\": [\"tasks\"]}");

    HttpReply notes = client.list("notes", "{}");
    assertThat(notes.status()).as("%s", notes).isEqualTo(403);
    assertThat(notes.errorCode()).isEqualTo("scope_violation");
    assertThat(client.list("tasks", "{}").status()).isEqualTo(200);
  }
}
