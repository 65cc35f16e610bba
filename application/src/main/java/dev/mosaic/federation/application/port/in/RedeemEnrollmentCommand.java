package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import java.util.Objects;

/**
 * {@code POST /api/federation/enrollment} with {@code {token, csr}}.
 *
 * @param token the raw token as sent (base64url)
 */
public record RedeemEnrollmentCommand(String token, CertificateSigningRequest csr) {
  public RedeemEnrollmentCommand {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(csr, "csr");
  }

  @Override
  public String toString() {
    return "RedeemEnrollmentCommand[token redacted]";
  }
}
