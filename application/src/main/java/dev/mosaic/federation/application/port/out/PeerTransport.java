package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;

/**
 * HTTPS calls from the requesting side to a serving gateway. The server's chain is always verified
 * against a pinned CA root, the host name and serverAuth — never trust-all. Network and TLS
 * failures are returned as {@link PeerReply.Failed}, not thrown.
 *
 * @throws InfrastructureException only for local faults (e.g. the link's key cannot be unsealed)
 */
public interface PeerTransport {
  /**
   * A mutual-TLS call on behalf of {@code link}: client certificate and key of {@code link}
   * (unsealed in memory only), server verified against {@code link.pinnedCaFingerprint()}, URL =
   * {@code link.endpoint()} + {@code request.path()}.
   */
  PeerReply send(Link link, PeerRequest request);

  /**
   * A call without client certificate (enrollment, CA root): the server's chain must end in a root
   * whose SHA-256 fingerprint is {@code caRootPin}; URL = {@code gatewayUrl} + {@code
   * request.path()}.
   */
  PeerReply sendAnonymous(URI gatewayUrl, CertificateFingerprint caRootPin, PeerRequest request);
}
