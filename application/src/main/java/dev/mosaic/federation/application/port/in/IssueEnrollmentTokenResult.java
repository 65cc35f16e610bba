package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.enrollment.EnrollmentUrl;
import dev.mosaic.federation.domain.enrollment.RawEnrollmentToken;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantStatus;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link IssueEnrollmentTokenUseCase#issue}. */
public sealed interface IssueEnrollmentTokenResult {
  /**
   * A token was stored (as a hash). The raw token exists only in this value: print it once.
   *
   * @param caRootPin the fingerprint of this gateway's CA root, the URL's {@code pin}
   */
  record Issued(
      RawEnrollmentToken token,
      GrantId grantId,
      Instant expiresAt,
      CertificateFingerprint caRootPin)
      implements IssueEnrollmentTokenResult {
    public Issued {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(grantId, "grantId");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(caRootPin, "caRootPin");
    }

    /** The enrollment URL for a gateway reachable at {@code publicUrl}. */
    public EnrollmentUrl enrollmentUrl(URI publicUrl) {
      return EnrollmentUrl.forGateway(publicUrl, token, caRootPin);
    }
  }

  record GrantNotFound(GrantId grantId) implements IssueEnrollmentTokenResult {}

  /** Tokens are minted only for pending or active grants, never revoked or expired ones. */
  record GrantNotEligible(GrantId grantId, GrantStatus status)
      implements IssueEnrollmentTokenResult {}

  /** The TTL is not positive or exceeds 15 minutes. */
  record InvalidTtl(String message) implements IssueEnrollmentTokenResult {}
}
