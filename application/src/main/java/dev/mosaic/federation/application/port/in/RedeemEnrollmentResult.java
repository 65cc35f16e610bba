package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerId;
import java.util.Objects;

/** The outcome of {@link RedeemEnrollmentUseCase#redeem}; HTTP status in each case's doc. */
public sealed interface RedeemEnrollmentResult {
  /** 200: the certificate (the same one again for a retry by the same key within the TTL). */
  record Enrolled(EnrollmentCertificate certificate, GrantId grantId, PeerId peerId)
      implements RedeemEnrollmentResult {
    public Enrolled {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(grantId, "grantId");
      Objects.requireNonNull(peerId, "peerId");
    }
  }

  /** 404: no such token (also a malformed one). */
  record UnknownToken() implements RedeemEnrollmentResult {}

  /** 410: token expired or already used, or the grant is revoked or expired. */
  record Gone(String reason) implements RedeemEnrollmentResult {}

  /** 400: the CSR is unacceptable; {@code reason} is safe to send. */
  record InvalidCsr(String reason) implements RedeemEnrollmentResult {}
}
