package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.List;

/**
 * The serving side's revoked list: the local CA puts their serials on its CRL and Step-CA mode
 * revokes them at the CA. Requests are refused by the grant's status, read on every request (see
 * docs/DEVIATIONS.md D3), not by this list.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface RevokedCertificateRepository {
  /** Adds an entry; adding a fingerprint that is already listed changes nothing. */
  void add(RevokedCertificate certificate);

  /** Every entry, oldest revocation first. */
  List<RevokedCertificate> findAll();
}
