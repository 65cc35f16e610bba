package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.audit.RequestId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks and under which ids: what every federated request carries besides its verb and body.
 *
 * @param identity what the TLS layer extracted from the client certificate
 * @param requestId the {@code X-Request-Id} of the response (and of the audit row)
 * @param traceId the W3C trace id of the request's {@code traceparent}, if any
 */
public record FederatedRequestContext(
    CertificateIdentity identity, RequestId requestId, Optional<String> traceId) {
  public FederatedRequestContext {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(traceId, "traceId");
  }
}
