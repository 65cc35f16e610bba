package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client presents at TLS: a private key and its certificate chain, leaf first. Either the
 * certificate B issued at a real enrollment ({@link #enroll}) — the test then plays the requesting
 * gateway — or one the test forged ({@link ForgedCertificates}).
 */
record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {
  ClientIdentity {
    chain = List.copyOf(chain);
  }

  X509Certificate certificate() {
    return chain.getFirst();
  }

  /**
   * Mints an enrollment token for {@code grantId} with {@code mosaic federation grant token} on B,
   * redeems it over HTTPS with a fresh EC P-256 key and a CSR for {@code peer}, and returns the key
   * with the certificate and chain B answered: B now pins that certificate for the grant.
   */
  static ClientIdentity enroll(Gateway serving, String grantId, String peer) {
    EnrollmentUrls url =
        EnrollmentUrls.parse(serving.ok("federation", "grant", "token", grantId).strip());
    KeyPair key = Csrs.ecKey();
    EnrollmentClient client =
        new EnrollmentClient(
            EnrollmentClient.certificate(serving.dir().resolve("pki/ca/root.crt")));
    EnrollmentClient.Answer answer =
        client.enroll(serving.publicUrl(), url.token(), Csrs.csr(key, peer));
    assertThat(answer.status()).as("enrollment of grant %s: %s", grantId, answer).isEqualTo(200);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(EnrollmentClient.certificate(answer.certificate()));
    // the issuing chain, intermediate(s) first, without the root
    answer
        .body()
        .path("chain")
        .forEach(pem -> chain.add(EnrollmentClient.certificate(pem.asText())));
    return new ClientIdentity(key.getPrivate(), chain);
  }
}
