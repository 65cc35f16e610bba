package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.link.LinkId;

/**
 * Renews a link's client certificate through its peer (SPEC §4, §5.4): a fresh key and CSR sent
 * over the link's current mutual-TLS identity to {@code POST /api/federation/v1/renew}; the
 * returned certificate is checked, its key sealed, and the link switched to it. A renewal the peer
 * refuses as {@code grant_revoked} marks the link revoked; any other failure marks it degraded
 * (never revoked) and is recorded in its health.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the local store
 *     fails
 */
public interface RenewLinkUseCase {
  /** The CLI's forced renewal, by peer name and (optionally) owner. */
  RenewLinkResult renew(RenewLinkCommand command);

  /** The scheduler's renewal of one link. */
  RenewLinkResult renew(LinkId link);
}
