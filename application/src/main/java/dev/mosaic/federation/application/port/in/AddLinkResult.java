package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.util.Objects;

/**
 * The outcome of {@link AddLinkUseCase#add}. Only {@link Added} stored anything; no case carries
 * the token or key material. The CLI exit code is in each case's doc (SPEC §10).
 */
public sealed interface AddLinkResult {
  /** 0: the link is stored, active, with its sealed key. */
  record Added(LinkView link) implements AddLinkResult {
    public Added {
      Objects.requireNonNull(link, "link");
    }
  }

  /** 2: the text is not an enrollment URL ({@code https://…#token=…&pin=sha256:…}). */
  record InvalidUrl(String message) implements AddLinkResult {}

  /** 2: the chosen name is not a valid peer name. */
  record InvalidName(String message) implements AddLinkResult {}

  /** 3: no undeleted local user has that handle. */
  record UnknownLocalUser(String handle) implements AddLinkResult {}

  /** 4: the local user already has a link of that name. */
  record DuplicateName(PeerName name) implements AddLinkResult {}

  /**
   * 5: the gateway's TLS certificate is not trusted under the pin — its chain does not end in the
   * pinned root, it does not match the host name, or it is not for serverAuth. The token was not
   * sent.
   *
   * @param detail the transport's explanation, safe to print
   */
  record Untrusted(URI gateway, CertificateFingerprint pin, String detail)
      implements AddLinkResult {}

  /** 5: the CA root the gateway serves is not the pinned one. The token was not sent. */
  record PinMismatch(URI gateway, CertificateFingerprint pin, CertificateFingerprint served)
      implements AddLinkResult {}

  /** 5: the gateway could not be reached (connect, timeout, handshake); {@code detail} is safe. */
  record Unreachable(URI gateway, String detail) implements AddLinkResult {}

  /** 5: the gateway does not know the token (404). */
  record UnknownToken(URI gateway) implements AddLinkResult {}

  /** 5: the token expired or was used, or the grant is revoked or expired (410). */
  record TokenGone(URI gateway, String message) implements AddLinkResult {}

  /**
   * 5: the gateway refused the enrollment with another status (e.g. 400 for the CSR, 429).
   *
   * @param message the gateway's error message, when it sent one
   */
  record Refused(URI gateway, int statusCode, String message) implements AddLinkResult {}

  /**
   * 1: the gateway's answer, or the certificate in it, is unacceptable (not for our key, not
   * clientAuth only, a CA, grant extension not the returned grant id, subject extension missing).
   * Nothing was stored.
   */
  record InvalidCertificate(URI gateway, String reason) implements AddLinkResult {}
}
