package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.time.Instant;
import java.util.Optional;

/**
 * Enrollment tokens, stored by hash only.
 *
 * <p>Every method throws {@link InfrastructureException} when the store fails, and nothing else.
 */
public interface EnrollmentTokenRepository {
  /**
   * Stores a new, unused token.
   *
   * @throws InfrastructureException also when a token with that hash exists (non-transient)
   */
  void insert(EnrollmentToken token);

  Optional<EnrollmentToken> findByHash(TokenHash hash);

  /**
   * Marks the token used, at {@code usedAt} by {@code publicKey}, only if it is still unused (a
   * compare-and-set on {@code used_at IS NULL}). Exactly one of any number of concurrent claims —
   * also across replicas — returns true.
   *
   * @return true when this call claimed the token; false when it was already used or is unknown
   */
  boolean claim(TokenHash hash, Instant usedAt, PublicKeyFingerprint publicKey);

  /**
   * Records the certificate issued for a claimed token, so that a retry by the same key gets it
   * again.
   *
   * @return false when the token is unknown or unused (nothing written)
   */
  boolean recordIssuedCertificate(TokenHash hash, EnrollmentCertificate certificate);
}
