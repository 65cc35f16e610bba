package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.AuthorizeRequestUseCase;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.IdentityCheck;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RenewCertificateCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateResult;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.RequestRateLimited;
import dev.mosaic.federation.application.port.in.RequestRefused;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CsrVerification;
import dev.mosaic.federation.application.port.out.CsrVerifier;
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
import dev.mosaic.federation.domain.audit.QueryHash;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RenewCertificateUseCase}. The CSR is checked before anything is written; the grant is then
 * re-read under its row lock (a revocation that committed meanwhile wins), the certificate issued,
 * pinned and audited in that one transaction, so a failure anywhere — the CA down, the audit log
 * down — leaves the pins as they were. A refusal or failure is audited in a commit of its own.
 */
public class RenewCertificateService implements RenewCertificateUseCase {
  static final String VERB = "renew";

  private static final QueryHash QUERY_HASH = QueryHash.ofRequest(Map.of("verb", VERB));

  private final AuthorizeRequestUseCase authorizer;
  private final Transactor transactor;
  private final GrantRepository grants;
  private final PeerRepository peers;
  private final CsrVerifier csrVerifier;
  private final CertificateAuthority ca;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public RenewCertificateService(
      AuthorizeRequestUseCase authorizer,
      Transactor transactor,
      GrantRepository grants,
      PeerRepository peers,
      CsrVerifier csrVerifier,
      CertificateAuthority ca,
      AuditLog audit,
      IdGenerator ids,
      InstantSource clock) {
    this.authorizer = authorizer;
    this.transactor = transactor;
    this.grants = grants;
    this.peers = peers;
    this.csrVerifier = csrVerifier;
    this.ca = ca;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public RenewCertificateResult renew(RenewCertificateCommand command) {
    Request request = new Request(command.context(), clock.instant());
    try {
      Grant grant;
      switch (authorizer.identify(command.context().identity())) {
        case RequestRefused refused -> {
          return request.refused(refused);
        }
        case RequestRateLimited limited -> {
          request.grant = Optional.of(limited.grant());
          Duration retryAfter = limited.retryAfter();
          return request.commit(
              AuditOutcome.RATE_LIMITED,
              429,
              "retry after " + retryAfter,
              new ServeRateLimited(retryAfter));
        }
        case IdentityCheck.Identified identified -> grant = identified.grant();
      }
      request.grant = Optional.of(grant);
      if (csrVerifier.verify(command.csr()) instanceof CsrVerification.Rejected rejected) {
        return request.commit(
            AuditOutcome.INVALID,
            Refusal.INVALID_REQUEST.statusCode(),
            "invalid CSR: " + rejected.reason(),
            new ServeRefused(Refusal.INVALID_REQUEST, "csr: " + rejected.reason()));
      }
      RenewCertificateResult result =
          transactor.inTransaction(() -> renewLocked(request, grant, command));
      return request.deferred.isPresent() ? request.refused(request.deferred.get()) : result;
    } catch (InfrastructureException e) {
      // Best effort: when the audit log itself is what failed, 503 is all there is to say.
      request.commit(
          AuditOutcome.ERROR,
          503,
          reason("renewal failed", e),
          new ServeUnavailable(ServeUnavailable.MESSAGE));
      return new ServeUnavailable(ServeUnavailable.MESSAGE);
    } catch (RuntimeException e) {
      try {
        request.append(AuditOutcome.ERROR, 500, reason("internal error", e));
      } catch (RuntimeException auditFailure) {
        e.addSuppressed(auditFailure);
      }
      throw e;
    }
  }

  /** Under the grant's row lock: the same identity checks again, then issue, pin and audit. */
  private RenewCertificateResult renewLocked(
      Request request, Grant unlocked, RenewCertificateCommand command) {
    CertificateFingerprint presented = command.context().identity().fingerprint();
    Optional<Grant> locked = grants.findByIdForUpdate(unlocked.id());
    Instant now = Times.now(clock);
    if (locked.isEmpty() || !locked.get().isPinned(presented, now)) {
      return request.later(
          new RequestRefused(
              Refusal.FORBIDDEN,
              locked,
              AuthorizeRequestService.FORBIDDEN_MESSAGE,
              "certificate no longer pinned at renewal"));
    }
    Grant grant = locked.get();
    GrantStatus status = grant.effectiveStatus(now);
    if (status == GrantStatus.REVOKED) {
      return request.later(
          new RequestRefused(
              Refusal.GRANT_REVOKED,
              locked,
              AuthorizeRequestService.REVOKED_MESSAGE,
              "grant revoked"));
    }
    if (status != GrantStatus.ACTIVE) {
      return request.later(
          new RequestRefused(
              Refusal.FORBIDDEN,
              locked,
              AuthorizeRequestService.FORBIDDEN_MESSAGE,
              "grant is " + status.wireName()));
    }
    IssuedCertificate issued =
        GrantCertificates.issue(ca, GrantCertificates.peerOf(peers, grant), grant, command.csr());
    Grant renewed =
        switch (grant.renew(issued.toPin(), presented, now)) {
          case GrantTransition.Applied applied -> applied.grant();
          case GrantTransition.Rejected rejected ->
              // The status was checked above under the row lock; this cannot happen.
              throw new IllegalStateException("renewal rejected: " + rejected.reason());
        };
    grants.update(renewed);
    audit.append(
        AuditEvent.lifecycle(
                new AuditEventId(ids.newId()), now, LifecycleEvent.RENEWED, AuditOutcome.ALLOWED)
            .requestId(command.context().requestId())
            .grantId(renewed.id())
            .peerId(renewed.peerId())
            .subjectUserId(renewed.subjectUserId())
            .certFingerprint(issued.fingerprint())
            .statusCode(200)
            .reason("renewed; kept " + presented + " as the previous pin")
            .build());
    audit.append(request.row(AuditOutcome.ALLOWED, 200, Optional.empty()).build());
    return new RenewCertificateResult.Renewed(issued.pem(), issued.chainPem());
  }

  private static String reason(String what, RuntimeException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String text = what + ": " + detail;
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** The request being served: what its audit row needs. */
  private final class Request {
    private final FederatedRequestContext context;
    private final Instant start;
    private Optional<Grant> grant = Optional.empty();
    private Optional<RequestRefused> deferred = Optional.empty();

    Request(FederatedRequestContext context, Instant start) {
      this.context = context;
      this.start = start;
    }

    RenewCertificateResult refused(RequestRefused refused) {
      grant = refused.grant();
      return commit(
          outcomeOf(refused.refusal()),
          refused.refusal().statusCode(),
          refused.auditReason(),
          new ServeRefused(refused.refusal(), refused.message()));
    }

    /**
     * A refusal decided inside the transaction, which wrote nothing: its row cannot be written
     * there, so it is kept and written once the transaction is over — see {@link #renew}.
     */
    RenewCertificateResult later(RequestRefused refused) {
      deferred = Optional.of(refused);
      return new ServeRefused(refused.refusal(), refused.message());
    }

    /** {@code failure} once its row is written, else 503. */
    RenewCertificateResult commit(
        AuditOutcome outcome, int status, String reason, RenewCertificateResult failure) {
      try {
        append(outcome, status, reason);
        return failure;
      } catch (InfrastructureException e) {
        return new ServeUnavailable(ServeUnavailable.MESSAGE);
      }
    }

    void append(AuditOutcome outcome, int status, String reason) {
      audit.append(row(outcome, status, Optional.of(reason)).build());
    }

    AuditEvent.Builder row(AuditOutcome outcome, int status, Optional<String> reason) {
      AuditEvent.Builder row =
          AuditEvent.builder(new AuditEventId(ids.newId()), Times.micros(start), VERB, outcome)
              .requestId(context.requestId())
              .queryHash(QUERY_HASH)
              .statusCode(status)
              .rowsOut(0)
              .latencyMs(Math.max(0, Duration.between(start, clock.instant()).toMillis()));
      context.traceId().ifPresent(row::traceId);
      row.certFingerprint(context.identity().fingerprint());
      reason.ifPresent(row::reason);
      grant.ifPresent(g -> row.grantId(g.id()).peerId(g.peerId()).subjectUserId(g.subjectUserId()));
      return row;
    }
  }

  private static AuditOutcome outcomeOf(Refusal refusal) {
    return refusal == Refusal.INVALID_REQUEST ? AuditOutcome.INVALID : AuditOutcome.DENIED;
  }
}
