package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.util.Objects;

/** The outcome of {@link CsrVerifier#verify}. */
public sealed interface CsrVerification {
  /** The CSR is acceptable; {@code publicKey} identifies its key (SHA-256 of the SPKI). */
  record Accepted(PublicKeyFingerprint publicKey) implements CsrVerification {
    public Accepted {
      Objects.requireNonNull(publicKey, "publicKey");
    }
  }

  /** Not acceptable; {@code reason} is safe to show to the requester (400 invalid_request). */
  record Rejected(String reason) implements CsrVerification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
