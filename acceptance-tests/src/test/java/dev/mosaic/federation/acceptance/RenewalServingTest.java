package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * B's side of renewal (SPEC §5.4), played by a raw mTLS client holding an enrolled certificate: a
 * fresh key's CSR sent to {@code POST /api/federation/v1/renew} over the current certificate comes
 * back as a certificate of the same grant (same extensions, CN, clientAuth) for the new key; the
 * old and the new certificate both work; the next renewal drops the oldest; a weak or disallowed
 * key is refused with 400 naming {@code csr} and changes nothing. B runs as a process (local CA).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalServingTest {
  static final String PEER = "home.example";
  static final String SCOPE = "{\"resources\": [\"tasks\"]}";

  @TempDir static Path dir;

  Gateway work;
  UUID ada;

  @BeforeAll
  void b() {
    work = Gateway.named("work.example").host("127.0.0.2").dir(dir.resolve("work")).build();
    work.ok("gateway", "migrate");
    CompletableFuture<MosaicProcess> serving = CompletableFuture.supplyAsync(work::serve);
    ReferenceData data = new ReferenceData(work.database());
    ada = data.user("ada");
    data.rows("tasks", ada, null, 2, ReferenceData.SAME_INSTANT);
    serving.join();
  }

  @AfterAll
  void stopB() {
    if (work != null) {
      work.close();
    }
  }

  /** Renews {@code current} with a fresh EC P-256 key; asserts 200 and returns the new identity. */
  private ClientIdentity renew(ClientIdentity current) {
    KeyPair key = Csrs.ecKey();
    HttpReply reply = PeerClient.of(work, current).renew(Csrs.csr(key, PEER));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().properties())
        .extracting(e -> e.getKey())
        .containsExactlyInAnyOrder("certificate", "chain");
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(EnrollmentClient.certificate(reply.json().get("certificate").asText()));
    reply.json().get("chain").forEach(pem -> chain.add(EnrollmentClient.certificate(pem.asText())));
    assertThat(chain.getFirst().getPublicKey()).isEqualTo(key.getPublic());
    return new ClientIdentity(key.getPrivate(), chain);
  }

  private int listStatus(ClientIdentity identity) {
    return PeerClient.of(work, identity).list("tasks", "{}").status();
  }

  @Test
  void renew_issuesTheSameGrantsCertificateForTheNewKey_andBothCertificatesWork() {
    String grantId = work.createGrant("ada", PEER, SCOPE);
    ClientIdentity enrolled = ClientIdentity.enroll(work, grantId, PEER);

    ClientIdentity renewed = renew(enrolled);

    X509Certificate certificate = renewed.certificate();
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.GRANT_EXTENSION))
        .contains(grantId);
    assertThat(IssuedCertificates.utf8Extension(certificate, IssuedCertificates.SUBJECT_EXTENSION))
        .contains(ada.toString());
    assertThat(IssuedCertificates.commonName(certificate)).isEqualTo(PEER);
    assertThat(IssuedCertificates.extendedKeyUsage(certificate))
        .containsExactly(IssuedCertificates.CLIENT_AUTH);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getSerialNumber())
        .isNotEqualTo(enrolled.certificate().getSerialNumber());
    assertThat(listStatus(renewed)).isEqualTo(200);
    assertThat(listStatus(enrolled)).isEqualTo(200);
    List<Map<String, Object>> events =
        work.database()
            .rows(
                "select event, cert_fingerprint from federation_audit_log"
                    + " where grant_id = ?::uuid and event = 'renewed'",
                grantId);
    assertThat(events)
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.get("cert_fingerprint"))
                    .isEqualTo(IssuedCertificates.fingerprint(certificate)));
  }

  @Test
  void secondRenewal_dropsTheOldestCertificate() {
    String grantId = work.createGrant("ada", PEER, SCOPE);
    ClientIdentity enrolled = ClientIdentity.enroll(work, grantId, PEER);
    ClientIdentity first = renew(enrolled);

    ClientIdentity second = renew(first);

    assertThat(listStatus(second)).isEqualTo(200);
    assertThat(listStatus(first)).isEqualTo(200);
    HttpReply oldest = PeerClient.of(work, enrolled).list("tasks", "{}");
    assertThat(oldest.status()).as("%s", oldest).isEqualTo(403);
    assertThat(oldest.errorCode()).isEqualTo("forbidden");
  }

  @Test
  void renew_weakOrDisallowedKey_is400NamingCsr_andChangesNothing() {
    String grantId = work.createGrant("ada", PEER, SCOPE);
    ClientIdentity enrolled = ClientIdentity.enroll(work, grantId, PEER);
    List<Object> pinsBefore = pins(grantId);

    List<String> refused =
        List.of(
            Csrs.csr(Csrs.rsaKey(1024), PEER, "SHA256withRSA"),
            Csrs.csr(Csrs.ecKey("secp521r1"), PEER, "SHA256withECDSA"),
            Csrs.csrWithBrokenSignature(Csrs.ecKey(), PEER),
            Csrs.malformed());

    for (String csr : refused) {
      HttpReply reply = PeerClient.of(work, enrolled).renew(csr);
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("invalid_request");
      assertThat(reply.json().at("/error/message").asText()).startsWith("csr");
      assertThat(work.database().auditOf(reply.requestId()))
          .singleElement()
          .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("invalid"));
    }
    assertThat(pins(grantId)).isEqualTo(pinsBefore);
    assertThat(listStatus(enrolled)).isEqualTo(200);
  }

  @Test
  void renew_revokedGrant_is403GrantRevoked() {
    String grantId = work.createGrant("ada", PEER, SCOPE);
    ClientIdentity enrolled = ClientIdentity.enroll(work, grantId, PEER);
    work.ok("federation", "grant", "revoke", grantId);

    HttpReply reply = PeerClient.of(work, enrolled).renew(Csrs.csr(Csrs.ecKey(), PEER));

    assertThat(reply.status()).as("%s", reply).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("grant_revoked");
  }

  private List<Object> pins(String grantId) {
    return work
        .database()
        .rows(
            "select fingerprint from federation_pinned_certificates where grant_id = ?::uuid"
                + " order by fingerprint",
            grantId)
        .stream()
        .map(row -> row.get("fingerprint"))
        .toList();
  }
}
