package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.RevokeGrantCommand;
import dev.mosaic.federation.application.port.in.RevokeGrantResult;
import dev.mosaic.federation.application.port.in.RevokeGrantUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import dev.mosaic.federation.application.port.out.RevocationNotice;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RevokeGrantUseCase}. The database transaction is what makes the revocation effective; the
 * CA revoke and the broadcast follow it and, if they fail, are reported as warnings.
 */
public class RevokeGrantService implements RevokeGrantUseCase {
  static final String DEFAULT_REASON = "revoked by operator";

  private final Transactor transactor;
  private final GrantRepository grants;
  private final RevokedCertificateRepository revokedCertificates;
  private final AuditLog audit;
  private final CertificateAuthority ca;
  private final RevocationBroadcaster broadcaster;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public RevokeGrantService(
      Transactor transactor,
      GrantRepository grants,
      RevokedCertificateRepository revokedCertificates,
      AuditLog audit,
      CertificateAuthority ca,
      RevocationBroadcaster broadcaster,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.grants = grants;
    this.revokedCertificates = revokedCertificates;
    this.audit = audit;
    this.ca = ca;
    this.broadcaster = broadcaster;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public RevokeGrantResult revoke(RevokeGrantCommand command) {
    String reason =
        command.reason().map(String::strip).filter(r -> !r.isEmpty()).orElse(DEFAULT_REASON);
    RevokeGrantResult result = transactor.inTransaction(() -> revokeLocked(command, reason));
    if (!(result instanceof RevokeGrantResult.Revoked revoked)) {
      return result;
    }
    List<String> warnings = new ArrayList<>();
    for (RevokedCertificate certificate : revoked.certificates()) {
      try {
        ca.revoke(certificate);
      } catch (InfrastructureException e) {
        warnings.add(
            "the CA did not confirm revocation of certificate "
                + certificate.fingerprint()
                + ": "
                + e.getMessage());
      }
    }
    try {
      broadcaster.publish(
          new RevocationNotice(
              revoked.grant().id(),
              revoked.certificates().stream().map(RevokedCertificate::fingerprint).toList()));
    } catch (InfrastructureException e) {
      warnings.add(
          "other replicas were not notified ("
              + e.getMessage()
              + "); they refuse the grant on its next request anyway");
    }
    return new RevokeGrantResult.Revoked(revoked.grant(), revoked.certificates(), warnings);
  }

  private RevokeGrantResult revokeLocked(RevokeGrantCommand command, String reason) {
    Optional<Grant> grant = grants.findByIdForUpdate(command.grantId());
    if (grant.isEmpty()) {
      return new RevokeGrantResult.NotFound(command.grantId());
    }
    Instant now = Times.now(clock);
    GrantTransition transition = grant.get().revoke(now, reason);
    return switch (transition) {
      case GrantTransition.Rejected rejected -> new RevokeGrantResult.AlreadyRevoked(grant.get());
      case GrantTransition.Applied applied -> {
        Grant revoked = applied.grant();
        grants.update(revoked);
        List<RevokedCertificate> certificates = new ArrayList<>();
        for (PinnedCertificate pinned : revoked.pinnedCertificates().all()) {
          RevokedCertificate entry = RevokedCertificate.of(pinned, revoked.id(), now, reason);
          revokedCertificates.add(entry);
          certificates.add(entry);
        }
        audit.append(
            AuditEvent.lifecycle(
                    new AuditEventId(ids.newId()),
                    now,
                    LifecycleEvent.GRANT_REVOKED,
                    AuditOutcome.ALLOWED)
                .grantId(revoked.id())
                .peerId(revoked.peerId())
                .subjectUserId(revoked.subjectUserId())
                .reason(reason)
                .build());
        yield new RevokeGrantResult.Revoked(revoked, certificates, List.of());
      }
    };
  }
}
