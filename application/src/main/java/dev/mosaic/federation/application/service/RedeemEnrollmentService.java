package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentCommand;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.enrollment.Redemption;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@link RedeemEnrollmentUseCase}. The token and the CSR are checked before anything is written;
 * the redemption itself runs in one transaction that first locks the grant row, so concurrent
 * redemptions of one token — also on other replicas — run one after the other and re-read the token
 * after the lock. Every failure is audited as {@code enrollment_failed} after the transaction (so a
 * rollback cannot take the row with it); no audit row ever holds the token.
 */
public class RedeemEnrollmentService implements RedeemEnrollmentUseCase {
  private final Transactor transactor;
  private final EnrollmentTokenRepository tokens;
  private final GrantRepository grants;
  private final PeerRepository peers;
  private final CsrVerifier csrVerifier;
  private final CertificateAuthority ca;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public RedeemEnrollmentService(
      Transactor transactor,
      EnrollmentTokenRepository tokens,
      GrantRepository grants,
      PeerRepository peers,
      CsrVerifier csrVerifier,
      CertificateAuthority ca,
      AuditLog audit,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.tokens = tokens;
    this.grants = grants;
    this.peers = peers;
    this.csrVerifier = csrVerifier;
    this.ca = ca;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public RedeemEnrollmentResult redeem(RedeemEnrollmentCommand command) {
    Optional<EnrollmentToken> found =
        RawEnrollmentToken.decode(command.token()).flatMap(raw -> tokens.findByHash(raw.hash()));
    if (found.isEmpty()) {
      return failed(new RedeemEnrollmentResult.UnknownToken(), Optional.empty(), "unknown token");
    }
    EnrollmentToken token = found.get();
    Optional<Grant> grantBefore = grants.findById(token.grantId());
    PublicKeyFingerprint publicKey;
    switch (csrVerifier.verify(command.csr())) {
      case CsrVerification.Rejected rejected -> {
        return failed(
            new RedeemEnrollmentResult.InvalidCsr(rejected.reason()),
            grantBefore,
            "invalid CSR: " + rejected.reason());
      }
      case CsrVerification.Accepted accepted -> publicKey = accepted.publicKey();
    }
    Outcome outcome;
    try {
      outcome = transactor.inTransaction(() -> redeemLocked(token, command, publicKey));
    } catch (RuntimeException e) {
      int status = e instanceof InfrastructureException infra && infra.isTransient() ? 503 : 500;
      auditFailure(grantBefore, AuditOutcome.ERROR, status, "enrollment failed: " + describe(e), e);
      throw e;
    }
    if (outcome.result() instanceof RedeemEnrollmentResult.Enrolled) {
      return outcome.result();
    }
    return failed(outcome.result(), outcome.grant().or(() -> grantBefore), outcome.reason());
  }

  private Outcome redeemLocked(
      EnrollmentToken unlocked, RedeemEnrollmentCommand command, PublicKeyFingerprint publicKey) {
    Optional<Grant> locked = grants.findByIdForUpdate(unlocked.grantId());
    if (locked.isEmpty()) {
      return Outcome.failure(
          new RedeemEnrollmentResult.UnknownToken(), Optional.empty(), "the token's grant is gone");
    }
    Grant grant = locked.get();
    Instant now = Times.now(clock);
    // Re-read after the lock: another redemption may have claimed the token meanwhile.
    EnrollmentToken token = tokens.findByHash(unlocked.hash()).orElse(unlocked);
    GrantStatus status = grant.effectiveStatus(now);
    if (status == GrantStatus.REVOKED || status == GrantStatus.EXPIRED) {
      return Outcome.failure(
          new RedeemEnrollmentResult.Gone("the grant is " + status.wireName()),
          Optional.of(grant),
          "grant " + status.wireName());
    }
    return switch (token.redeem(now, publicKey)) {
      case Redemption.Expired expired ->
          Outcome.failure(
              new RedeemEnrollmentResult.Gone("the enrollment token has expired"),
              Optional.of(grant),
              "token expired");
      case Redemption.AlreadyUsed used ->
          Outcome.failure(
              new RedeemEnrollmentResult.Gone("the enrollment token has already been used"),
              Optional.of(grant),
              "token already used");
      case Redemption.RetrySameKey retry -> retry(retry, grant, now);
      case Redemption.Claim claim -> claim(token, grant, command, publicKey, now);
    };
  }

  private Outcome retry(Redemption.RetrySameKey retry, Grant grant, Instant now) {
    if (retry.certificate().isEmpty()) {
      return Outcome.failure(
          new RedeemEnrollmentResult.Gone("the enrollment token has already been used"),
          Optional.of(grant),
          "token used without a recorded certificate");
    }
    EnrollmentCertificate certificate = retry.certificate().get();
    auditEnrolled(grant, certificate, now, "retry by the same key: the same certificate");
    return Outcome.success(
        new RedeemEnrollmentResult.Enrolled(certificate, grant.id(), grant.peerId()), grant);
  }

  private Outcome claim(
      EnrollmentToken token,
      Grant grant,
      RedeemEnrollmentCommand command,
      PublicKeyFingerprint publicKey,
      Instant now) {
    Peer peer = GrantCertificates.peerOf(peers, grant);
    if (!tokens.claim(token.hash(), now, publicKey)) {
      return Outcome.failure(
          new RedeemEnrollmentResult.Gone("the enrollment token has already been used"),
          Optional.of(grant),
          "token claimed concurrently");
    }
    IssuedCertificate issued = GrantCertificates.issue(ca, peer, grant, command.csr());
    EnrollmentCertificate certificate =
        new EnrollmentCertificate(issued.fingerprint(), issued.pem(), issued.chainPem());
    if (!tokens.recordIssuedCertificate(token.hash(), certificate)) {
      throw new InfrastructureException("the claimed token vanished during enrollment", true);
    }
    Grant enrolled =
        switch (grant.enroll(issued.toPin(), now)) {
          case GrantTransition.Applied applied -> applied.grant();
          case GrantTransition.Rejected rejected ->
              // The status was checked above under the row lock; this cannot happen.
              throw new IllegalStateException("enrollment rejected: " + rejected.reason());
        };
    grants.update(enrolled);
    Peer activePeer = peer.activate();
    if (!activePeer.equals(peer)) {
      peers.update(activePeer);
    }
    auditEnrolled(enrolled, certificate, now, "enrolled");
    return Outcome.success(
        new RedeemEnrollmentResult.Enrolled(certificate, enrolled.id(), enrolled.peerId()),
        enrolled);
  }

  private void auditEnrolled(
      Grant grant, EnrollmentCertificate certificate, Instant now, String reason) {
    audit.append(
        AuditEvent.lifecycle(
                new AuditEventId(ids.newId()), now, LifecycleEvent.ENROLLED, AuditOutcome.ALLOWED)
            .grantId(grant.id())
            .peerId(grant.peerId())
            .subjectUserId(grant.subjectUserId())
            .certFingerprint(certificate.fingerprint())
            .statusCode(200)
            .reason(reason)
            .build());
  }

  private RedeemEnrollmentResult failed(
      RedeemEnrollmentResult result, Optional<Grant> grant, String reason) {
    switch (result) {
      case RedeemEnrollmentResult.UnknownToken unknown ->
          auditFailure(grant, AuditOutcome.NOT_FOUND, 404, reason, null);
      case RedeemEnrollmentResult.Gone gone ->
          auditFailure(grant, AuditOutcome.DENIED, 410, reason, null);
      case RedeemEnrollmentResult.InvalidCsr invalid ->
          auditFailure(grant, AuditOutcome.INVALID, 400, reason, null);
      case RedeemEnrollmentResult.Enrolled enrolled ->
          throw new IllegalArgumentException("not a failure");
    }
    return result;
  }

  /**
   * Writes {@code enrollment_failed} in its own commit. When the failure being audited is itself an
   * exception, an audit failure is attached to it rather than replacing it.
   */
  private void auditFailure(
      Optional<Grant> grant,
      AuditOutcome outcome,
      int statusCode,
      String reason,
      RuntimeException cause) {
    AuditEvent.Builder event =
        AuditEvent.lifecycle(
                new AuditEventId(ids.newId()),
                Times.now(clock),
                LifecycleEvent.ENROLLMENT_FAILED,
                outcome)
            .statusCode(statusCode)
            .reason(reason);
    grant.ifPresent(g -> event.grantId(g.id()).peerId(g.peerId()).subjectUserId(g.subjectUserId()));
    try {
      audit.append(event.build());
    } catch (InfrastructureException e) {
      if (cause == null) {
        throw e;
      }
      cause.addSuppressed(e);
    }
  }

  private static String describe(RuntimeException e) {
    return e instanceof InfrastructureException ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** What the transaction decided, with the grant it read (for the failure audit row). */
  private record Outcome(RedeemEnrollmentResult result, Optional<Grant> grant, String reason) {
    static Outcome success(RedeemEnrollmentResult result, Grant grant) {
      return new Outcome(result, Optional.of(grant), "enrolled");
    }

    static Outcome failure(RedeemEnrollmentResult result, Optional<Grant> grant, String reason) {
      return new Outcome(result, grant, reason);
    }
  }
}
