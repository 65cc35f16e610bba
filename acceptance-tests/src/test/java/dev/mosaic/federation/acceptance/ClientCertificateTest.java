package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.acceptance.ForgedCertificates.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may talk to B's {@code /v1} (SPEC §5.2 steps 1–2), with certificates a requesting gateway
 * could not get from B: one from a CA B does not trust, an expired one and one for serverAuth fail
 * the TLS handshake and no handler runs (no audit row); once its grant is revoked, the certificate
 * of a grant that was served a moment before gets 403 {@code grant_revoked} (one audit row, see
 * docs/DEVIATIONS.md D3); B's own CA signing a certificate without the grant and subject
 * extensions, or with malformed ones → 401; one whose subject extension is not its grant's subject,
 * one never pinned, one naming an unknown grant → 403 {@code forbidden} with one generic message.
 * The certificate B issued at enrollment is the control: it is served. The forged ones B's CA signs
 * come from its local CA's files, opened with B's sealing key — only B's operator could make them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateTest {
  static final String PEER = "home.example";
  static final String SCOPE = "{\"resources\": [\"tasks\"]}";

  @TempDir static Path dir;

  Gateway work;
  String grantId;
  String revokedGrantId;
  UUID ada;
  UUID ben;
  ClientIdentity enrolled;
  ForgedCertificates bsCa;

  @BeforeAll
  void bWithAnEnrolledGrant() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    ReferenceData data = new ReferenceData(work.database());
    ada = data.user("ada");
    ben = data.user("ben");
    data.rows("tasks", ada, null, 2, ReferenceData.SAME_INSTANT);
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> work.createGrant("ada", PEER, SCOPE));
    grantId = work.createGrant("ada", PEER, SCOPE);
    revokedGrantId = second.join();
    serving.join();
    enrolled = ClientIdentity.enroll(work, grantId, PEER);
    bsCa = ForgedCertificates.byCaOf(work);
  }

  @AfterAll
  void stopB() {
    if (work != null) {
      work.close();
    }
  }

  @Test
  void enrolledCertificate_isServed_theControlOfEveryOtherCase() {
    HttpReply reply = PeerClient.of(work, enrolled).list("tasks", "{}");

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().get("items")).hasSize(2);
  }

  // ---- refused at TLS: no handler runs --------------------------------------------------------

  @Test
  void certificateFromAnUntrustedCa_failsTheHandshake_andNoHandlerRuns() {
    ClientIdentity foreign =
        ForgedCertificates.untrustedCa().issue(Profile.client(PEER, grantId, ada.toString()));

    assertRefusedAtTls(foreign);
  }

  @Test
  void expiredCertificateOfBsCa_failsTheHandshake_andNoHandlerRuns() {
    assertRefusedAtTls(bsCa.issue(Profile.client(PEER, grantId, ada.toString()).expired()));
  }

  @Test
  void certificateForServerAuthOnly_failsTheHandshake_andNoHandlerRuns() {
    ClientIdentity serverOnly =
        bsCa.issue(
            Profile.client(PEER, grantId, ada.toString())
                .withUsages(KeyPurposeId.id_kp_serverAuth));

    assertRefusedAtTls(serverOnly);
  }

  private void assertRefusedAtTls(ClientIdentity identity) {
    long audited = work.database().count("federation_audit_log");

    assertThatThrownBy(() -> PeerClient.of(work, identity).list("tasks", "{}"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);

    // B commits a request's audit row before it answers: after a request B answered, a row of the
    // refused attempt would have to be there already — there is only the new request's own.
    HttpReply later = PeerClient.of(work, enrolled).capabilities();
    assertThat(later.status()).as("%s", later).isEqualTo(200);
    assertThat(work.database().count("federation_audit_log")).isEqualTo(audited + 1);
    assertThat(work.database().auditOf(later.requestId())).hasSize(1);
  }

  // ---- refused by identity --------------------------------------------------------------------

  @Test
  void certificateOfBsCaWithoutTheExtensions_is401_andAudited() {
    assertRefused(
        bsCa.issue(Profile.client(PEER, grantId, ada.toString()).withoutExtensions()),
        401,
        "unauthorized");
  }

  @Test
  void certificateOfBsCaWithMalformedExtensions_is401() {
    Profile valid = Profile.client(PEER, grantId, ada.toString());

    assertRefused(
        bsCa.issue(
            valid.withExtension(IssuedCertificates.GRANT_EXTENSION, new DERUTF8String("grant-1"))),
        401,
        "unauthorized");
    assertRefused(
        bsCa.issue(
            valid.withExtension(
                IssuedCertificates.SUBJECT_EXTENSION, new ASN1Integer(42))), // not a UTF8String
        401,
        "unauthorized");
  }

  @Test
  void subjectExtensionOtherThanTheGrantsSubject_unpinnedCertificate_unknownGrant_areOne403() {
    HttpReply otherSubject = callWith(bsCa.issue(Profile.client(PEER, grantId, ben.toString())));
    HttpReply notPinned = callWith(bsCa.issue(Profile.client(PEER, grantId, ada.toString())));
    HttpReply unknownGrant =
        callWith(bsCa.issue(Profile.client(PEER, UUID.randomUUID().toString(), ada.toString())));

    for (HttpReply reply : List.of(otherSubject, notPinned, unknownGrant)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("forbidden");
      assertThat(reply.text()).doesNotContain("\"items\"", ada.toString(), ben.toString());
      assertThat(reply.errorWithoutRequestId()).isEqualTo(notPinned.errorWithoutRequestId());
      assertThat(work.database().auditOf(reply.requestId()))
          .singleElement()
          .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("denied"));
    }
  }

  // ---- a revoked grant: the handshake completes, every request is 403 grant_revoked (D3) -------

  @Test
  void certificateOfARevokedGrant_is403GrantRevoked_withOneAuditRow() {
    ClientIdentity identity = ClientIdentity.enroll(work, revokedGrantId, PEER);
    HttpReply before = PeerClient.of(work, identity).list("tasks", "{}");
    assertThat(before.status()).as("%s", before).isEqualTo(200);

    work.ok("federation", "grant", "revoke", revokedGrantId, "--reason", "acceptance test");

    assertRefused(identity, 403, "grant_revoked");
    HttpReply enrolledStill = PeerClient.of(work, enrolled).list("tasks", "{}");
    assertThat(enrolledStill.status()).as("%s", enrolledStill).isEqualTo(200);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void assertRefused(ClientIdentity identity, int status, String code) {
    HttpReply reply = callWith(identity);

    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.errorCode()).isEqualTo(code);
    assertThat(reply.text()).doesNotContain("\"items\"");
    assertThat(work.database().auditOf(reply.requestId()))
        .singleElement()
        .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("denied"));
  }

  private HttpReply callWith(ClientIdentity identity) {
    return PeerClient.of(work, identity).list("tasks", "{}");
  }
}
