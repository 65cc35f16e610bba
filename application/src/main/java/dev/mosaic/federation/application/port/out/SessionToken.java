package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A local user's session-API bearer token as stored: only the SHA-256 of its raw bytes ({@code
 * federation_session_tokens}).
 */
public record SessionToken(TokenHash hash, UserId userId, Instant createdAt) {
  public SessionToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
