package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.Authorization;
import dev.mosaic.federation.application.port.in.AuthorizeRequestCommand;
import dev.mosaic.federation.application.port.in.AuthorizeRequestUseCase;
import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.IdentityCheck;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RequestRateLimited;
import dev.mosaic.federation.application.port.in.RequestRefused;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.access.AccessDecision;
import dev.mosaic.federation.domain.access.AccessPolicy;
import dev.mosaic.federation.domain.access.DenialReason;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.scope.RateLimit;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AuthorizeRequestUseCase}. Identity is checked in this order: extensions well formed (else
 * 401); grant exists, subject extension equals the grant's subject, fingerprint pinned (else 403
 * {@code forbidden}); only then the status (revoked → 403 {@code grant_revoked}; pending or expired
 * → 403 {@code forbidden}) — so only the holder of a pinned certificate learns that a grant was
 * revoked; the subject user must still exist (else 403 {@code forbidden}).
 */
public class AuthorizeRequestService implements AuthorizeRequestUseCase {
  static final String FORBIDDEN_MESSAGE = "this certificate is not authorized on this gateway";
  static final String UNAUTHORIZED_MESSAGE =
      "the client certificate lacks valid federation grant and subject extensions";
  static final String REVOKED_MESSAGE = "the grant has been revoked";

  private final GrantRepository grants;
  private final NativeAccessDirectory nativeAccess;
  private final RateLimiter rateLimiter;
  private final InstantSource clock;
  private final ServingDefaults defaults;

  @Inject
  public AuthorizeRequestService(
      GrantRepository grants,
      NativeAccessDirectory nativeAccess,
      RateLimiter rateLimiter,
      InstantSource clock,
      ServingDefaults defaults) {
    this.grants = grants;
    this.nativeAccess = nativeAccess;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.defaults = defaults;
  }

  @Override
  public IdentityCheck identify(CertificateIdentity identity) {
    Optional<UUID> grantId = identity.grantIdExtension().flatMap(Uuids::tryParseCanonical);
    Optional<UUID> subjectId = identity.subjectUserIdExtension().flatMap(Uuids::tryParseCanonical);
    if (grantId.isEmpty() || subjectId.isEmpty()) {
      return new RequestRefused(
          Refusal.UNAUTHORIZED,
          Optional.empty(),
          UNAUTHORIZED_MESSAGE,
          "grant or subject extension missing or malformed");
    }
    Optional<Grant> found = grants.findById(new GrantId(grantId.get()));
    if (found.isEmpty()) {
      return forbidden(Optional.empty(), "unknown grant " + grantId.get());
    }
    Grant grant = found.get();
    Instant now = Times.now(clock);
    if (!grant.subjectUserId().equals(new UserId(subjectId.get()))) {
      return forbidden(found, "subject extension does not match the grant's subject");
    }
    if (!grant.isPinned(identity.fingerprint(), now)) {
      return forbidden(found, "certificate " + identity.fingerprint() + " is not pinned");
    }
    GrantStatus status = grant.effectiveStatus(now);
    if (status == GrantStatus.REVOKED) {
      return new RequestRefused(Refusal.GRANT_REVOKED, found, REVOKED_MESSAGE, "grant revoked");
    }
    if (status != GrantStatus.ACTIVE) {
      return forbidden(found, "grant is " + status.wireName());
    }
    Optional<NativeAccess> subject = nativeAccess.find(grant.subjectUserId());
    if (subject.isEmpty()) {
      return forbidden(found, "subject user does not exist or is deleted");
    }
    RateLimit limit = grant.scope().rateLimit().orElse(defaults.defaultRateLimit());
    return switch (rateLimiter.tryAcquire(grant.id(), limit)) {
      case RateLimitDecision.Limited limited -> new RequestRateLimited(grant, limited.retryAfter());
      case RateLimitDecision.Acquired acquired ->
          new IdentityCheck.Identified(grant, subject.get());
    };
  }

  @Override
  public Optional<Grant> attribute(CertificateIdentity identity) {
    Optional<UUID> grantId = identity.grantIdExtension().flatMap(Uuids::tryParseCanonical);
    Optional<UUID> subjectId = identity.subjectUserIdExtension().flatMap(Uuids::tryParseCanonical);
    if (grantId.isEmpty() || subjectId.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Times.now(clock);
    return grants
        .findById(new GrantId(grantId.get()))
        .filter(grant -> grant.subjectUserId().equals(new UserId(subjectId.get())))
        .filter(grant -> grant.isPinned(identity.fingerprint(), now));
  }

  @Override
  public Authorization authorize(AuthorizeRequestCommand command) {
    return switch (identify(command.identity())) {
      case RequestRefused refused -> refused;
      case RequestRateLimited limited -> limited;
      case IdentityCheck.Identified identified -> decide(identified, command);
    };
  }

  private static Authorization decide(
      IdentityCheck.Identified identified, AuthorizeRequestCommand command) {
    Grant grant = identified.grant();
    AccessDecision decision =
        AccessPolicy.decide(
            command.resource(), grant.scope(), identified.subject(), command.limit());
    return switch (decision) {
      case AccessDecision.Allowed allowed ->
          new Authorization.Authorized(
              grant, identified.subject(), allowed.resource(), allowed.filter(), allowed.limit());
      case AccessDecision.Denied denied -> refuse(grant, command.resource(), denied.reason());
    };
  }

  private static RequestRefused refuse(Grant grant, String resource, DenialReason reason) {
    String quoted = "'" + truncate(resource) + "'";
    String message =
        switch (reason) {
          case UNKNOWN_RESOURCE -> "unknown resource " + quoted;
          case INVALID_LIMIT -> "limit must be at least 1";
          case NOT_GRANTED -> "resource " + quoted + " is not granted";
          case EXCLUDED -> "resource " + quoted + " is excluded by the grant's scope";
          case SENSITIVE -> "resource " + quoted + " is never served";
        };
    Refusal refusal = reason.isInvalidRequest() ? Refusal.INVALID_REQUEST : Refusal.SCOPE_VIOLATION;
    return new RequestRefused(
        refusal, Optional.of(grant), message, reason.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String truncate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }

  private static RequestRefused forbidden(Optional<Grant> grant, String auditReason) {
    return new RequestRefused(Refusal.FORBIDDEN, grant, FORBIDDEN_MESSAGE, auditReason);
  }
}
