package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Duration;
import java.util.Objects;

/** {@code mosaic federation grant token <grant-id> [--ttl 15m]}; TTL at most 15 minutes. */
public record IssueEnrollmentTokenCommand(GrantId grantId, Duration ttl) {
  public IssueEnrollmentTokenCommand {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(ttl, "ttl");
  }

  /** With the default (and maximum) TTL of 15 minutes. */
  public static IssueEnrollmentTokenCommand of(GrantId grantId) {
    return new IssueEnrollmentTokenCommand(grantId, EnrollmentToken.DEFAULT_TTL);
  }
}
