package dev.mosaic.federation.domain.audit;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of {@code federation_audit_log} (SPEC §7): a federated request or a lifecycle event. No
 * request or response bodies, no tokens.
 *
 * @param event the verb ({@code list}, {@code get}, …) or a {@link LifecycleEvent#wireName()}
 * @param resource the requested resource name as given (may be an unknown name for an invalid
 *     request)
 */
public record AuditEvent(
    AuditEventId id,
    Instant occurredAt,
    Optional<RequestId> requestId,
    Optional<String> traceId,
    String event,
    Optional<GrantId> grantId,
    Optional<PeerId> peerId,
    Optional<UserId> subjectUserId,
    Optional<CertificateFingerprint> certFingerprint,
    Optional<String> resource,
    Optional<QueryHash> queryHash,
    AuditOutcome outcome,
    Optional<String> reason,
    OptionalInt statusCode,
    OptionalLong rowsOut,
    OptionalLong bytesOut,
    OptionalLong latencyMs) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(traceId, "traceId");
    if (event == null || event.isBlank()) {
      throw new IllegalArgumentException("event must not be blank");
    }
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(subjectUserId, "subjectUserId");
    Objects.requireNonNull(certFingerprint, "certFingerprint");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(queryHash, "queryHash");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(rowsOut, "rowsOut");
    Objects.requireNonNull(bytesOut, "bytesOut");
    Objects.requireNonNull(latencyMs, "latencyMs");
  }

  /** Starts an event with the required columns; every optional column starts empty. */
  public static Builder builder(
      AuditEventId id, Instant occurredAt, String event, AuditOutcome outcome) {
    return new Builder(id, occurredAt, event, outcome);
  }

  /** Starts a lifecycle event. */
  public static Builder lifecycle(
      AuditEventId id, Instant occurredAt, LifecycleEvent event, AuditOutcome outcome) {
    return new Builder(id, occurredAt, event.wireName(), outcome);
  }

  /** Whether {@link #event()} is a lifecycle event rather than a request verb. */
  public boolean isLifecycle() {
    return LifecycleEvent.fromWire(event).isPresent();
  }

  /** Builds an {@link AuditEvent}; setters for the optional columns. */
  public static final class Builder {
    private final AuditEventId id;
    private final Instant occurredAt;
    private final String event;
    private final AuditOutcome outcome;
    private Optional<RequestId> requestId = Optional.empty();
    private Optional<String> traceId = Optional.empty();
    private Optional<GrantId> grantId = Optional.empty();
    private Optional<PeerId> peerId = Optional.empty();
    private Optional<UserId> subjectUserId = Optional.empty();
    private Optional<CertificateFingerprint> certFingerprint = Optional.empty();
    private Optional<String> resource = Optional.empty();
    private Optional<QueryHash> queryHash = Optional.empty();
    private Optional<String> reason = Optional.empty();
    private OptionalInt statusCode = OptionalInt.empty();
    private OptionalLong rowsOut = OptionalLong.empty();
    private OptionalLong bytesOut = OptionalLong.empty();
    private OptionalLong latencyMs = OptionalLong.empty();

    private Builder(AuditEventId id, Instant occurredAt, String event, AuditOutcome outcome) {
      this.id = id;
      this.occurredAt = occurredAt;
      this.event = event;
      this.outcome = outcome;
    }

    public Builder requestId(RequestId value) {
      this.requestId = Optional.of(value);
      return this;
    }

    public Builder traceId(String value) {
      this.traceId = Optional.of(value);
      return this;
    }

    public Builder grantId(GrantId value) {
      this.grantId = Optional.of(value);
      return this;
    }

    public Builder peerId(PeerId value) {
      this.peerId = Optional.of(value);
      return this;
    }

    public Builder subjectUserId(UserId value) {
      this.subjectUserId = Optional.of(value);
      return this;
    }

    public Builder certFingerprint(CertificateFingerprint value) {
      this.certFingerprint = Optional.of(value);
      return this;
    }

    public Builder resource(String value) {
      this.resource = Optional.of(value);
      return this;
    }

    public Builder queryHash(QueryHash value) {
      this.queryHash = Optional.of(value);
      return this;
    }

    public Builder reason(String value) {
      this.reason = Optional.of(value);
      return this;
    }

    public Builder statusCode(int value) {
      this.statusCode = OptionalInt.of(value);
      return this;
    }

    public Builder rowsOut(long value) {
      this.rowsOut = OptionalLong.of(value);
      return this;
    }

    public Builder bytesOut(long value) {
      this.bytesOut = OptionalLong.of(value);
      return this;
    }

    public Builder latencyMs(long value) {
      this.latencyMs = OptionalLong.of(value);
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          id,
          occurredAt,
          requestId,
          traceId,
          event,
          grantId,
          peerId,
          subjectUserId,
          certFingerprint,
          resource,
          queryHash,
          outcome,
          reason,
          statusCode,
          rowsOut,
          bytesOut,
          latencyMs);
    }
  }
}
