package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.application.testing.CuttableRelay;
import dev.mosaic.federation.bootstrap.GatewayComponent;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.domain.link.Link;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC-5 with two gateways as processes: certificates that renew themselves under a continuous query
 * loop, in local-CA and Step-CA mode; the CA down during renewal; a forced renewal; the replaced
 * certificate refused once expired. Lifetimes are genuinely short (SPEC §13): 2 minutes, renewed 1
 * minute before expiry.
 */
class RenewalTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The loop asks ~10 times a second; the grant's rate limit is not what is under test. */
  static final String SCOPE =
      "{\"resources\": [\"tasks\", \"notes\"],"
          + " \"rate_limit\": {\"requests_per_minute\": 6000, \"burst\": 200}}";

  static final String PEER = "work.example";
  static final Duration LOOP_LIMIT = Duration.ofMinutes(5);

  /** Pacing of the query loop: a session asking about ten times a second. */
  static final Duration PACE = Duration.ofMillis(100);

  @TempDir Path dir;

  /** The gateways of one scenario, serving, with the link enrolled. */
  private record Pair(Gateway work, Gateway home, MosaicProcess homeServe, String grantId)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        home.close();
      } finally {
        work.close();
      }
    }
  }

  /** What a query loop observed. */
  private record LoopResult(
      int queries, List<String> failures, Set<String> certificates, Duration took) {
    int renewals() {
      return certificates.size() - 1;
    }
  }

  private Pair enrolledPair(String name, Gateway.Ca ca, Map<String, String> workEnv) {
    Gateway.Builder workBuilder =
        Gateway.named(PEER)
            .host("127.0.0.2")
            .ca(ca)
            .dir(dir.resolve(name + "-work"))
            .env("MOSAIC_PKI_CERTIFICATE_LIFETIME", "2m")
            .env("MOSAIC_PKI_RENEW_BEFORE", "1m");
    workEnv.forEach(workBuilder::env);
    Gateway work = workBuilder.build();
    Gateway home =
        Gateway.named("home.example")
            .host("127.0.0.3")
            .dir(dir.resolve(name + "-home"))
            .env("MOSAIC_PKI_RENEW_BEFORE", "1m")
            // every query must reach B: a cached answer would hide a failure
            .env("MOSAIC_CACHE_TTL", "0")
            .build();
    work.ok("gateway", "migrate");
    home.ok("gateway", "migrate");
    work.serve();
    work.ok("user", "add", "alice.work");
    home.ok("user", "add", "alice");
    String grantId = work.createGrant("alice.work", "home.example", SCOPE);
    String url = work.ok("federation", "grant", "token", grantId).strip();
    home.ok("federation", "peer", "add", url, "--local-user", "alice", "--name", PEER);
    MosaicProcess homeServe = home.serve();
    return new Pair(work, home, homeServe, grantId);
  }

  /**
   * Queries B through A's session API until {@code renewals} renewals were seen (distinct pinned
   * certificates on B) or the limit passed; checks after every query that B pins at most two
   * certificates for the grant.
   */
  private LoopResult queryLoop(Pair pair, int renewals, Duration limit)
      throws InterruptedException {
    SessionClient session = SessionClient.forUser(pair.home(), "alice");
    Set<String> certificates = new LinkedHashSet<>(pins(pair));
    List<String> failures = new ArrayList<>();
    int queries = 0;
    Instant start = Instant.now();
    Instant end = start.plus(limit);
    while (certificates.size() - 1 < renewals && Instant.now().isBefore(end)) {
      HttpReply reply = session.list("renewal-loop", "federated:" + PEER, "tasks");
      queries++;
      if (reply.status() != 200 || reply.json().path("partial").asBoolean(true)) {
        failures.add(Instant.now() + " " + reply.status() + " " + reply.text());
      }
      List<String> pinned = pins(pair);
      assertThat(pinned).as("certificates pinned for the grant").hasSizeLessThanOrEqualTo(2);
      certificates.addAll(pinned);
      Thread.sleep(PACE);
    }
    return new LoopResult(queries, failures, certificates, Duration.between(start, Instant.now()));
  }

  private static List<String> pins(Pair pair) {
    return pair
        .work()
        .database()
        .rows(
            "select fingerprint from federation_pinned_certificates where grant_id = ?::uuid",
            pair.grantId())
        .stream()
        .map(row -> (String) row.get("fingerprint"))
        .toList();
  }

  private static JsonNode status(Gateway home) {
    Mosaic.Run run = home.mosaic("federation", "status", "--json");
    assertThat(run.code()).as("federation status\n%s", run).isZero();
    try {
      return JSON.readTree(run.out()).path("links").get(0);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A's current client identity for the link, its key unsealed with A's sealing key. */
  private static ClientIdentity currentIdentity(Gateway home) throws Exception {
    try (GatewayComponent a =
        GatewayComponent.create(ConfigLoader.load(Optional.empty(), home.environment()))) {
      Link link = a.links().findAll().getFirst();
      byte[] pkcs8 = a.keySealer().open(link.certificate().sealedPrivateKey()).orElseThrow();
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(EnrollmentClient.certificate(link.certificate().certificatePem()));
      link.certificate().chainPem().forEach(pem -> chain.add(EnrollmentClient.certificate(pem)));
      return new ClientIdentity(key, chain);
    }
  }

  private static boolean refused(PeerClient client) {
    try {
      return client.capabilities().status() != 200;
    } catch (UncheckedIOException e) {
      return true; // the handshake failed
    }
  }

  @Test
  void localCa_queryLoopSeesThreeRenewalsAndNoFailure_forcedRenewal_replacedCertificateExpires()
      throws Exception {
    Instant testStart = Instant.now();
    try (Pair pair = enrolledPair("local", Gateway.Ca.LOCAL, Map.of())) {
      LoopResult loop = queryLoop(pair, 3, LOOP_LIMIT);
      System.out.printf(
          "RenewalTest local CA: %d renewals in %s, %d queries, %d failed%n",
          loop.renewals(), loop.took(), loop.queries(), loop.failures().size());

      assertThat(loop.failures().stream().limit(5).toList()).isEmpty();
      assertThat(loop.renewals()).isGreaterThanOrEqualTo(3);
      assertThat(loop.took()).isLessThanOrEqualTo(LOOP_LIMIT);
      assertThat(pair.homeServe().stderr()).contains("renewed the certificate of link " + PEER);
      JsonNode status = status(pair.home());
      assertThat(status.path("state").asText()).isEqualTo("active");
      assertThat(loop.certificates())
          .contains(status.path("certificateFingerprint").asText().replace("sha256:", ""));

      // a forced renewal: a new fingerprint in status, pinned on B
      ClientIdentity replaced = currentIdentity(pair.home());
      Mosaic.Run renew = pair.home().mosaic("federation", "renew", PEER);
      assertThat(renew.code()).as("federation renew\n%s", renew).isZero();
      String forced = status(pair.home()).path("certificateFingerprint").asText();
      assertThat(renew.out()).contains("certificate " + forced);
      assertThat(pins(pair)).contains(forced.replace("sha256:", ""));

      // the certificate that was just replaced: still pinned (as the previous one) and accepted,
      // then refused once it has expired. A stops, so no renewal unpins it meanwhile.
      pair.homeServe().stop();
      PeerClient old = PeerClient.of(pair.work(), replaced);
      Instant notAfter = replaced.certificate().getNotAfter().toInstant();
      String replacedFingerprint = IssuedCertificates.fingerprint(replaced.certificate());
      boolean checkedBeforeExpiry = false;
      if (pins(pair).contains(replacedFingerprint)
          && Instant.now().isBefore(notAfter.minusSeconds(2))) {
        assertThat(old.capabilities().status()).isEqualTo(200);
        checkedBeforeExpiry = true;
      }
      await("the replaced certificate expiring")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Instant.now().isAfter(notAfter.plusSeconds(1)));
      old.closeConnections();
      assertThat(refused(old)).as("the expired certificate is refused").isTrue();
      System.out.printf(
          "RenewalTest local CA: replaced certificate accepted before expiry: %s, still pinned"
              + " after expiry: %s, refused after expiry: true%n",
          checkedBeforeExpiry, pins(pair).contains(replacedFingerprint));
    }
    System.out.printf(
        "RenewalTest local CA: test wall time %s%n", Duration.between(testStart, Instant.now()));
  }

  @Test
  void stepCa_renewsUnderTheQueryLoop_caDown_degradedAndRetried_caBack_active() throws Exception {
    Instant testStart = Instant.now();
    URI stepCa = URI.create(TestServices.stepCaUrl());
    try (CuttableRelay relay =
            new CuttableRelay(new InetSocketAddress(stepCa.getHost(), stepCa.getPort()));
        Pair pair =
            enrolledPair(
                "stepca",
                Gateway.Ca.STEPCA,
                Map.of("MOSAIC_PKI_STEPCA_URL", "https://127.0.0.1:" + relay.port()))) {
      LoopResult loop = queryLoop(pair, 1, LOOP_LIMIT);
      System.out.printf(
          "RenewalTest Step-CA: %d renewals in %s, %d queries, %d failed%n",
          loop.renewals(), loop.took(), loop.queries(), loop.failures().size());
      assertThat(loop.failures().stream().limit(5).toList()).isEmpty();
      assertThat(loop.renewals()).isGreaterThanOrEqualTo(1);

      // the CA goes away: a renewal fails, the link is degraded, the gateway retries
      relay.cut();
      Mosaic.Run failed = pair.home().mosaic("federation", "renew", PEER);
      assertThat(failed.code()).as("renew with the CA down\n%s", failed).isEqualTo(5);
      JsonNode degraded = status(pair.home());
      assertThat(degraded.path("state").asText()).isEqualTo("degraded");
      assertThat(degraded.path("stateReason").asText()).contains("503");
      String firstFailure = degraded.path("lastFailureAt").asText();
      await("the running gateway retrying the renewal")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !status(pair.home()).path("lastFailureAt").asText().equals(firstFailure));
      assertThat(status(pair.home()).path("state").asText()).isEqualTo("degraded");
      SessionClient session = SessionClient.forUser(pair.home(), "alice");
      HttpReply meanwhile = session.list("ca-down", "federated:" + PEER, "tasks");
      assertThat(meanwhile.status()).isEqualTo(200);
      assertThat(meanwhile.json().path("partial").asBoolean(true))
          .as("queries keep working while the CA is down: %s", meanwhile)
          .isFalse();

      // the CA is back: the next retry renews and the link is active again
      String before = status(pair.home()).path("certificateFingerprint").asText();
      relay.restore();
      await("the link active again")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> status(pair.home()).path("state").asText().equals("active"));
      JsonNode recovered = status(pair.home());
      assertThat(recovered.path("certificateFingerprint").asText()).isNotEqualTo(before);
      assertThat(pins(pair))
          .contains(recovered.path("certificateFingerprint").asText().replace("sha256:", ""));
    }
    System.out.printf(
        "RenewalTest Step-CA: test wall time %s%n", Duration.between(testStart, Instant.now()));
  }
}
