package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.SealedSecret;
import java.util.Optional;

/**
 * Seals secrets at rest (AES-256-GCM under a key derived from the configured secret). Sealed bytes
 * never contain the plaintext; each seal uses a fresh nonce, so sealing twice gives different
 * bytes.
 *
 * <p>Never throws for bad input; throws {@link InfrastructureException} only when the sealing key
 * is unusable (misconfiguration, non-transient).
 */
public interface KeySealer {
  SealedSecret seal(byte[] plaintext);

  /**
   * The plaintext, or empty when {@code sealed} was not sealed under this key or was altered
   * (authentication failed).
   */
  Optional<byte[]> open(SealedSecret sealed);
}
