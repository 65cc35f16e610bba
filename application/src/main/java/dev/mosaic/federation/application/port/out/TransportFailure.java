package dev.mosaic.federation.application.port.out;

/** Why a request never got an HTTP answer. */
public enum TransportFailure {
  /** Connection refused, DNS failure, connect timeout, connection reset. Counts for the breaker. */
  CONNECT,
  /** Connected but no answer within the request timeout. Counts for the breaker. */
  TIMEOUT,
  /** The peer ended the handshake with the {@code certificate_revoked} alert. */
  CERTIFICATE_REVOKED,
  /** The peer's certificate failed verification (pinned root, host name, serverAuth). */
  SERVER_UNTRUSTED,
  /** Any other TLS handshake failure (e.g. our certificate expired or untrusted). */
  HANDSHAKE
}
