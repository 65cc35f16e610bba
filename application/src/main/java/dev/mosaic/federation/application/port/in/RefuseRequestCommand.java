package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.audit.RequestId;
import java.util.Objects;
import java.util.Optional;

/**
 * A federated request refused by the wire rules, for {@link ServeFederatedRequestUseCase#refuse}.
 *
 * @param identity what the client certificate carries; empty when the client presented none
 * @param requestId the {@code X-Request-Id} of the response (and of the audit row)
 * @param traceId the W3C trace id of the request's {@code traceparent}, if any
 * @param event the verb the path names ({@code list}, {@code get}, …) or {@code unknown}
 * @param resource the resource the path names, if any
 * @param refusal the status and code of the answer
 * @param message the answer's message, safe to send; also the audit row's reason
 */
public record RefuseRequestCommand(
    Optional<CertificateIdentity> identity,
    RequestId requestId,
    Optional<String> traceId,
    String event,
    Optional<String> resource,
    Refusal refusal,
    String message) {
  public RefuseRequestCommand {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(message, "message");
  }
}
