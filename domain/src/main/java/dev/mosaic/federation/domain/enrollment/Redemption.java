package dev.mosaic.federation.domain.enrollment;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link EnrollmentToken#redeem}. */
public sealed interface Redemption {
  /** First use: {@code claimed} is the token marked used for the presented public key. */
  record Claim(EnrollmentToken claimed) implements Redemption {
    public Claim {
      Objects.requireNonNull(claimed, "claimed");
    }
  }

  /**
   * A retry within the TTL by the same public key: hand out {@code certificate} again. Empty when
   * the first redemption has not recorded its certificate (it failed or is still running).
   */
  record RetrySameKey(Optional<EnrollmentCertificate> certificate) implements Redemption {
    public RetrySameKey {
      Objects.requireNonNull(certificate, "certificate");
    }
  }

  /** The token was never used and its TTL has passed (410). */
  record Expired() implements Redemption {}

  /** The token was used, by another key or the TTL has passed since (410). */
  record AlreadyUsed() implements Redemption {}
}
