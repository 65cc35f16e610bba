package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryCertificateAuthority;
import dev.mosaic.federation.application.fake.InMemoryRevocationBroadcaster;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.RevokeGrantCommand;
import dev.mosaic.federation.application.port.in.RevokeGrantResult;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.GrantFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokeGrantServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0.plusSeconds(3600));
  private final InMemoryCertificateAuthority ca =
      new InMemoryCertificateAuthority(clock, Duration.ofDays(30));
  private final InMemoryRevocationBroadcaster broadcaster = new InMemoryRevocationBroadcaster();
  private final RevokeGrantService service =
      new RevokeGrantService(
          stores.transactor(),
          stores.grants(),
          stores.revokedCertificates(),
          stores.audit(),
          ca,
          broadcaster,
          new SequentialIdGenerator(),
          clock);
  private final PinnedCertificate current = CertificateFixtures.aPin();
  private final PinnedCertificate previous = CertificateFixtures.aPin();
  private final Grant grant = GrantFixtures.anActiveGrant().pinned(current, previous).build();

  RevokeGrantServiceTest() {
    stores.grants().insert(grant);
  }

  private List<CertificateFingerprint> revokedFingerprints() {
    return stores.revokedCertificates().findAll().stream()
        .map(RevokedCertificate::fingerprint)
        .toList();
  }

  private RevokeGrantResult.Revoked revoked(RevokeGrantResult result) {
    assertThat(result).isInstanceOf(RevokeGrantResult.Revoked.class);
    return (RevokeGrantResult.Revoked) result;
  }

  @Test
  void revoke_activeGrant_revokesPinsAuditsThenTellsCaAndReplicas() {
    RevokeGrantResult.Revoked result =
        revoked(service.revoke(new RevokeGrantCommand(grant.id(), Optional.of("left company"))));

    Grant stored = stores.grants().findById(grant.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(GrantStatus.REVOKED);
    assertThat(stored.revokeReason()).contains("left company");
    assertThat(stored).isEqualTo(result.grant());
    assertThat(revokedFingerprints()).contains(current.fingerprint());
    assertThat(revokedFingerprints()).contains(previous.fingerprint());
    assertThat(result.certificates())
        .extracting(RevokedCertificate::fingerprint)
        .containsExactly(current.fingerprint(), previous.fingerprint());
    assertThat(ca.revoked()).containsExactlyElementsOf(result.certificates());
    assertThat(broadcaster.published())
        .containsExactly(
            new RevocationNotice(
                grant.id(), java.util.List.of(current.fingerprint(), previous.fingerprint())));
    AuditEvent audit = stores.audit().all().getFirst();
    assertThat(audit.event()).isEqualTo("grant_revoked");
    assertThat(audit.reason()).contains("left company");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void revoke_withoutReason_usesDefaultReason() {
    RevokeGrantResult.Revoked result =
        revoked(service.revoke(new RevokeGrantCommand(grant.id(), Optional.of("  "))));

    assertThat(result.grant().revokeReason()).contains(RevokeGrantService.DEFAULT_REASON);
  }

  @Test
  void revoke_unknownGrant_isNotFound() {
    GrantId unknown = new GrantId(UUID.randomUUID());

    assertThat(service.revoke(new RevokeGrantCommand(unknown, Optional.empty())))
        .isEqualTo(new RevokeGrantResult.NotFound(unknown));
  }

  @Test
  void revoke_twice_secondIsAlreadyRevokedAndChangesNothing() {
    service.revoke(new RevokeGrantCommand(grant.id(), Optional.empty()));
    Grant afterFirst = stores.grants().findById(grant.id()).orElseThrow();
    clock.advance(Duration.ofMinutes(1));

    assertThat(service.revoke(new RevokeGrantCommand(grant.id(), Optional.of("again"))))
        .isEqualTo(new RevokeGrantResult.AlreadyRevoked(afterFirst));
    assertThat(stores.grants().findById(grant.id())).contains(afterFirst);
    assertThat(stores.audit().all()).hasSize(1);
  }

  @Test
  void revoke_expiredGrant_isRevoked() {
    Grant expiring = GrantFixtures.anActiveGrant().expiresIn(Duration.ofMinutes(1)).build();
    stores.grants().insert(expiring);

    assertThat(
            revoked(service.revoke(new RevokeGrantCommand(expiring.id(), Optional.empty())))
                .grant()
                .status())
        .isEqualTo(GrantStatus.REVOKED);
  }

  @Test
  void revoke_caUnavailable_stillRevokedWithWarning() {
    ca.failWith(new InfrastructureException("step-ca unreachable", true));

    RevokeGrantResult.Revoked result =
        revoked(service.revoke(new RevokeGrantCommand(grant.id(), Optional.empty())));

    assertThat(stores.grants().findById(grant.id()).orElseThrow().status())
        .isEqualTo(GrantStatus.REVOKED);
    assertThat(result.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("CA"));
    assertThat(broadcaster.published()).hasSize(1);
  }

  @Test
  void revoke_broadcastUnavailable_stillRevokedWithWarning() {
    broadcaster.failWith(new InfrastructureException("valkey down", true));

    RevokeGrantResult.Revoked result =
        revoked(service.revoke(new RevokeGrantCommand(grant.id(), Optional.empty())));

    assertThat(result.warnings()).singleElement().asString().contains("replicas");
    assertThat(revokedFingerprints()).contains(current.fingerprint());
  }

  @Test
  void revoke_auditUnavailable_throwsAndChangesNothing() {
    stores.audit().failWith(new InfrastructureException("audit store down", true));

    assertThatThrownBy(() -> service.revoke(new RevokeGrantCommand(grant.id(), Optional.empty())))
        .isInstanceOf(InfrastructureException.class);

    assertThat(stores.grants().findById(grant.id())).contains(grant);
    assertThat(stores.revokedCertificates().findAll()).isEmpty();
    assertThat(ca.revoked()).isEmpty();
    assertThat(broadcaster.published()).isEmpty();
  }
}
