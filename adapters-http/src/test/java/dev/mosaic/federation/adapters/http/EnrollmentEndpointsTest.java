package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentEndpointsTest {
  private static final String ENROLL = "/api/federation/enrollment";
  private static final String TOKEN = "tok-SECRET-4b1c9a";

  private final Listener listener = new Listener();

  @AfterEach
  void stop() {
    listener.close();
  }

  private static String enrollment(String token, String csr) {
    return "{\"token\":\"" + token + "\",\"csr\":\"" + csr + "\"}";
  }

  @Test
  void enroll_redeemed_answersCertificateChainGrantAndPeer() {
    GrantId grant = new GrantId(UUID.randomUUID());
    PeerId peer = new PeerId(UUID.randomUUID());
    listener.redeem.answer(
        new RedeemEnrollmentResult.Enrolled(
            new EnrollmentCertificate(
                CertificateFixtures.aFingerprint(), "LEAF-PEM", List.of("INTERMEDIATE-PEM")),
            grant,
            peer));

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR-PEM"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.json())
        .isEqualTo(
            Map.of(
                "certificate", "LEAF-PEM",
                "chain", List.of("INTERMEDIATE-PEM"),
                "grantId", grant.toString(),
                "peerId", peer.toString()));
    assertThat(listener.redeem.received())
        .singleElement()
        .satisfies(
            command -> {
              assertThat(command.token()).isEqualTo(TOKEN);
              assertThat(command.csr().pem()).isEqualTo("CSR-PEM");
            });
  }

  @Test
  void enroll_unknownToken_is404NotFound() {
    listener.redeem.answer(new RedeemEnrollmentResult.UnknownToken());

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).containsEntry("code", "not_found");
    assertThat(reply.error().get("message").toString()).doesNotContain(TOKEN);
  }

  @Test
  void enroll_gone_is410WithTheReason() {
    listener.redeem.answer(new RedeemEnrollmentResult.Gone("the token has expired"));

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(reply.status()).isEqualTo(410);
    assertThat(reply.error())
        .containsEntry("code", "gone")
        .containsEntry("message", "the token has expired");
  }

  @Test
  void enroll_invalidCsr_is400WithTheReason() {
    listener.redeem.answer(new RedeemEnrollmentResult.InvalidCsr("RSA keys need 2048 bits"));

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).containsEntry("code", "invalid_request");
    assertThat(reply.error().get("message").toString()).contains("RSA keys need 2048 bits");
  }

  @Test
  void enroll_missingOrBlankToken_is400NamingTheFieldWithoutCallingTheUseCase() {
    Listener.Reply missing = listener.postJson(ENROLL, "{\"csr\":\"CSR\"}");
    Listener.Reply blank = listener.postJson(ENROLL, enrollment(" ", "CSR"));
    Listener.Reply nullCsr = listener.postJson(ENROLL, "{\"token\":\"t\",\"csr\":null}");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error().get("message").toString()).contains("'token'");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(nullCsr.status()).isEqualTo(400);
    assertThat(nullCsr.error().get("message").toString()).contains("'csr'");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void ca_answersTheRootAsPem() {
    Listener.Reply reply = listener.get("/api/federation/ca");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/x-pem-file");
    assertThat(reply.text()).isEqualTo(listener.pki.root().certificatePem());
  }

  @Test
  void crl_published_answersTheDerBytes() {
    byte[] der = {0x30, 0x03, 0x02, 0x01, 0x07};
    listener.authority.publishCrl(der);

    Listener.Reply reply = listener.get("/api/federation/crl");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/pkix-crl");
    assertThat(reply.body()).isEqualTo(der);
  }

  @Test
  void crl_nonePublished_is404WithAnExplanation() {
    Listener.Reply reply = listener.get("/api/federation/crl");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).containsEntry("code", "not_found");
    assertThat(reply.error().get("message").toString()).contains("publishes no CRL");
  }

  @Test
  void anyEndpoint_transientInfrastructureFailure_is503WithRetryAfter() {
    listener.authority.failWith(new InfrastructureException("step-ca unreachable", true));

    Listener.Reply reply = listener.get("/api/federation/ca");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.error()).containsEntry("code", "unavailable");
    assertThat(reply.error().get("retryAfterMs")).isEqualTo(5000);
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.text()).doesNotContain("step-ca");
  }

  @Test
  void anyEndpoint_permanentInfrastructureFailure_is500WithOnlyTheRequestId() {
    listener.redeem.answer(
        command -> {
          throw new InfrastructureException("relation federation_grant: SELECT * FROM x", false);
        });

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.error()).containsEntry("code", "internal");
    String requestId = reply.header("X-Request-Id");
    assertThat(reply.error()).containsEntry("requestId", requestId);
    assertThat(reply.error().get("message").toString()).contains(requestId);
    assertThat(reply.text()).doesNotContain("SELECT", "federation_grant", TOKEN);
  }

  @Test
  void anyEndpoint_unexpectedException_is500WithoutItsMessageOrStack() {
    listener.redeem.answer(
        command -> {
          throw new IllegalStateException("boom " + command.token());
        });

    Listener.Reply reply = listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.error()).containsEntry("code", "internal");
    assertThat(reply.text()).doesNotContain("boom", TOKEN, "IllegalStateException", "at dev.");
  }

  @Test
  void enroll_handler_runsOnAVirtualThread() {
    AtomicBoolean virtual = new AtomicBoolean();
    listener.redeem.answer(
        command -> {
          virtual.set(Thread.currentThread().isVirtual());
          return new RedeemEnrollmentResult.UnknownToken();
        });

    listener.postJson(ENROLL, enrollment(TOKEN, "CSR"));

    assertThat(virtual).isTrue();
  }
}
