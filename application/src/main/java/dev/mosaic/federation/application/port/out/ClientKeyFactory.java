package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.peer.PeerName;

/**
 * The requesting side's key generation (SPEC §4): a fresh EC P-256 key pair whose private key never
 * leaves this gateway, and a CSR for it with subject CN = the requesting gateway's peer name, no
 * SANs and no extensions (the form both CA modes accept, see docs/DEVIATIONS.md D1).
 *
 * @throws InfrastructureException only when the JDK cannot generate keys (non-transient)
 */
public interface ClientKeyFactory {
  ClientKeyMaterial generate(PeerName commonName);
}
