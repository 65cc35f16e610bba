package dev.mosaic.federation.application.port.out;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcome of a {@link PeerTransport} call. */
public sealed interface PeerReply {
  /**
   * The peer answered (any status).
   *
   * @param headers response headers, names lower-cased
   * @param body the parsed JSON tree for a JSON answer, the text for another content type, or
   *     {@code null} for an empty body
   */
  record Answered(int statusCode, Map<String, String> headers, Object body) implements PeerReply {
    public Answered {
      headers = Map.copyOf(headers);
    }

    /** A header by lower-case name. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /** No HTTP answer. {@code detail} is for logs and status; it never holds key material. */
  record Failed(TransportFailure failure, String detail) implements PeerReply {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
