package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.Optional;

/**
 * The serving side's CA (local BouncyCastle CA or Step-CA).
 *
 * <p>Every method throws {@link InfrastructureException} when the CA fails (unreachable: transient;
 * refused or misconfigured: not), and nothing else.
 */
public interface CertificateAuthority {
  /**
   * Issues a client certificate (SPEC §4): lifetime {@code pki.certificateLifetime}, CN, clientAuth
   * only, not a CA, the two custom extensions. The adapter parses the result and throws a
   * non-transient {@link InfrastructureException} if either extension is missing or differs from
   * the request — it never hands out such a certificate.
   */
  IssuedCertificate issueClientCertificate(ClientCertificateRequest request);

  /**
   * Revokes a certificate at the CA: Step-CA's revoke API, or the local CA's CRL is regenerated.
   * Revoking a certificate twice succeeds.
   */
  void revoke(RevokedCertificate certificate);

  /** The CA root certificate, PEM; what {@code GET /api/federation/ca} serves. */
  String rootCertificatePem();

  /** SHA-256 of the root's DER: the {@code pin} of enrollment URLs. */
  CertificateFingerprint rootFingerprint();

  /** The current DER CRL, or empty when this CA publishes none. */
  Optional<byte[]> currentCrl();
}
