package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EnrollmentTokenRepository}: stored by hash, claim is single use. */
public abstract class EnrollmentTokenRepositoryContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  protected EnrollmentTokenRepository tokens;
  private ServingSeeds seeds;

  protected abstract EnrollmentTokenRepository createEnrollmentTokenRepository();

  protected abstract GrantRepository grantRepository();

  protected abstract PeerRepository peerRepository();

  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpEnrollmentTokenRepositoryContract() {
    tokens = createEnrollmentTokenRepository();
    seeds = new ServingSeeds(userDirectory(), peerRepository(), grantRepository());
  }

  private EnrollmentToken aStoredToken() {
    Grant grant = seeds.storedActiveGrant();
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    EnrollmentToken token =
        EnrollmentToken.issue(
            RawEnrollmentToken.of(raw).hash(), grant.id(), Times.T0, Duration.ofMinutes(15));
    tokens.insert(token);
    return token;
  }

  @Test
  void insert_token_isFoundByHashUnused() {
    EnrollmentToken token = aStoredToken();

    assertThat(tokens.findByHash(token.hash())).contains(token);
  }

  @Test
  void findByHash_unknown_isEmpty() {
    assertThat(tokens.findByHash(TokenHash.of(new byte[] {1, 2, 3}))).isEmpty();
  }

  @Test
  void insert_sameHashTwice_throwsInfrastructureException() {
    EnrollmentToken token = aStoredToken();

    assertThatThrownBy(() -> tokens.insert(token)).isInstanceOf(InfrastructureException.class);
  }

  @Test
  void claim_unused_succeedsOnceAndRecordsKeyAndTime() {
    EnrollmentToken token = aStoredToken();
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    Instant at = Times.T0.plusSeconds(30);

    assertThat(tokens.claim(token.hash(), at, key)).isTrue();
    assertThat(tokens.claim(token.hash(), at.plusSeconds(1), CertificateFixtures.aPublicKey()))
        .isFalse();

    EnrollmentToken read = tokens.findByHash(token.hash()).orElseThrow();
    assertThat(read.usedAt()).contains(at);
    assertThat(read.usedForPublicKey()).contains(key);
  }

  @Test
  void claim_unknown_isFalse() {
    assertThat(
            tokens.claim(TokenHash.of(new byte[] {9}), Times.T0, CertificateFixtures.aPublicKey()))
        .isFalse();
  }

  @Test
  void claim_concurrently_exactlyOneSucceeds() throws Exception {
    EnrollmentToken token = aStoredToken();
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        claims.add(() -> tokens.claim(token.hash(), Times.T0, CertificateFixtures.aPublicKey()));
      }
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(claims)) {
        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordIssuedCertificate_afterClaim_isReadBack() {
    EnrollmentToken token = aStoredToken();
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    tokens.claim(token.hash(), Times.T0, key);
    EnrollmentCertificate cert =
        new EnrollmentCertificate(
            CertificateFixtures.aFingerprint(),
            "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n",
            List.of("-----BEGIN CERTIFICATE-----\nint\n-----END CERTIFICATE-----\n"));

    assertThat(tokens.recordIssuedCertificate(token.hash(), cert)).isTrue();

    assertThat(tokens.findByHash(token.hash()).orElseThrow().issuedCertificate())
        .isEqualTo(Optional.of(cert));
  }

  @Test
  void recordIssuedCertificate_unclaimed_isFalseAndWritesNothing() {
    EnrollmentToken token = aStoredToken();
    EnrollmentCertificate cert =
        new EnrollmentCertificate(CertificateFixtures.aFingerprint(), "pem", List.of());

    assertThat(tokens.recordIssuedCertificate(token.hash(), cert)).isFalse();

    assertThat(tokens.findByHash(token.hash())).contains(token);
  }
}
