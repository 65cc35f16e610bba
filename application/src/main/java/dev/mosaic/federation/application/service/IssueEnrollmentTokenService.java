package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenCommand;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenResult;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/** {@link IssueEnrollmentTokenUseCase}: 32 random bytes, stored as a SHA-256 hash only. */
public class IssueEnrollmentTokenService implements IssueEnrollmentTokenUseCase {
  private final Transactor transactor;
  private final GrantRepository grants;
  private final EnrollmentTokenRepository tokens;
  private final CertificateAuthority ca;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;
  private final SecureRandom random;

  @Inject
  public IssueEnrollmentTokenService(
      Transactor transactor,
      GrantRepository grants,
      EnrollmentTokenRepository tokens,
      CertificateAuthority ca,
      AuditLog audit,
      IdGenerator ids,
      InstantSource clock,
      SecureRandom random) {
    this.transactor = transactor;
    this.grants = grants;
    this.tokens = tokens;
    this.ca = ca;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public IssueEnrollmentTokenResult issue(IssueEnrollmentTokenCommand command) {
    if (!EnrollmentToken.isValidTtl(command.ttl())) {
      return new IssueEnrollmentTokenResult.InvalidTtl(
          "the token TTL must be positive and at most "
              + EnrollmentToken.MAX_TTL.toMinutes()
              + " minutes, was "
              + command.ttl());
    }
    CertificateFingerprint pin = ca.rootFingerprint();
    return transactor.inTransaction(
        () -> {
          Instant now = Times.now(clock);
          Optional<Grant> grant = grants.findById(command.grantId());
          if (grant.isEmpty()) {
            return new IssueEnrollmentTokenResult.GrantNotFound(command.grantId());
          }
          GrantStatus status = grant.get().effectiveStatus(now);
          if (status != GrantStatus.PENDING && status != GrantStatus.ACTIVE) {
            return new IssueEnrollmentTokenResult.GrantNotEligible(command.grantId(), status);
          }
          byte[] bytes = new byte[RawEnrollmentToken.LENGTH];
          random.nextBytes(bytes);
          RawEnrollmentToken raw = RawEnrollmentToken.of(bytes);
          EnrollmentToken token =
              EnrollmentToken.issue(raw.hash(), command.grantId(), now, command.ttl());
          tokens.insert(token);
          audit.append(
              AuditEvent.lifecycle(
                      new AuditEventId(ids.newId()),
                      now,
                      LifecycleEvent.TOKEN_ISSUED,
                      AuditOutcome.ALLOWED)
                  .grantId(grant.get().id())
                  .peerId(grant.get().peerId())
                  .subjectUserId(grant.get().subjectUserId())
                  .build());
          return new IssueEnrollmentTokenResult.Issued(
              raw, command.grantId(), token.expiresAt(), pin);
        });
  }
}
