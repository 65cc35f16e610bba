package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.List;

/**
 * The serving side's revoked list: the TLS layer refuses these certificates (§5.2 step 1) and the
 * local CA puts their serials on its CRL.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface RevokedCertificateRepository {
  /** Adds an entry; adding a fingerprint that is already listed changes nothing. */
  void add(RevokedCertificate certificate);

  boolean isRevoked(CertificateFingerprint fingerprint);

  /** Every entry, oldest revocation first. */
  List<RevokedCertificate> findAll();
}
