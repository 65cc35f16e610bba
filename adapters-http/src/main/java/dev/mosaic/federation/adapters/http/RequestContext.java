package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.domain.audit.RequestId;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the listener knows about one request besides its content.
 *
 * @param requestId the {@code X-Request-Id} of the response (see {@link WireHandler})
 * @param trace the caller's valid {@code traceparent}, if any
 * @param remoteAddress the client's IP address as the socket saw it (proxies' headers ignored)
 * @param clientCertificates the chain the client presented at TLS, leaf first; empty when none
 * @param authorization the {@code Authorization} header as sent, if any (never logged; {@link
 *     #toString()} leaves it out)
 */
record RequestContext(
    RequestId requestId,
    Optional<TraceParent> trace,
    String remoteAddress,
    List<X509Certificate> clientCertificates,
    Optional<String> authorization) {
  RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    clientCertificates = List.copyOf(clientCertificates);
    Objects.requireNonNull(authorization, "authorization");
  }

  /** The client's certificate (the leaf), when it presented one. */
  Optional<X509Certificate> clientCertificate() {
    return clientCertificates.isEmpty() ? Optional.empty() : Optional.of(clientCertificates.get(0));
  }

  /**
   * The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), if that
   * is what came.
   */
  Optional<String> bearerToken() {
    return authorization
        .map(String::strip)
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).strip())
        .filter(token -> !token.isEmpty());
  }

  @Override
  public String toString() {
    return "RequestContext[requestId="
        + requestId
        + ", remoteAddress="
        + remoteAddress
        + ", clientCertificate="
        + !clientCertificates.isEmpty()
        + ", authorization="
        + (authorization.isPresent() ? "redacted" : "none")
        + "]";
  }
}
