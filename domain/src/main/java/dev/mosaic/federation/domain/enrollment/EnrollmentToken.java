package dev.mosaic.federation.domain.enrollment;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use enrollment token as stored: only its hash. Valid for at most {@link #MAX_TTL}. Using
 * it binds it to the public key of the CSR it was used with; a retry with that key within the TTL
 * is idempotent.
 */
public final class EnrollmentToken {
  public static final Duration MAX_TTL = Duration.ofMinutes(15);
  public static final Duration DEFAULT_TTL = MAX_TTL;

  private final TokenHash hash;
  private final GrantId grantId;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final Optional<Instant> usedAt;
  private final Optional<PublicKeyFingerprint> usedForPublicKey;
  private final Optional<EnrollmentCertificate> issuedCertificate;

  private EnrollmentToken(
      TokenHash hash,
      GrantId grantId,
      Instant issuedAt,
      Instant expiresAt,
      Optional<Instant> usedAt,
      Optional<PublicKeyFingerprint> usedForPublicKey,
      Optional<EnrollmentCertificate> issuedCertificate) {
    this.hash = Objects.requireNonNull(hash, "hash");
    this.grantId = Objects.requireNonNull(grantId, "grantId");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.usedAt = Objects.requireNonNull(usedAt, "usedAt");
    this.usedForPublicKey = Objects.requireNonNull(usedForPublicKey, "usedForPublicKey");
    this.issuedCertificate = Objects.requireNonNull(issuedCertificate, "issuedCertificate");
    if (usedAt.isPresent() != usedForPublicKey.isPresent()) {
      throw new IllegalArgumentException("usedAt and usedForPublicKey go together");
    }
    if (issuedCertificate.isPresent() && usedAt.isEmpty()) {
      throw new IllegalArgumentException("a certificate is issued only for a used token");
    }
  }

  /** Whether {@code ttl} is allowed: positive and at most {@link #MAX_TTL}. */
  public static boolean isValidTtl(Duration ttl) {
    return ttl != null && !ttl.isNegative() && !ttl.isZero() && ttl.compareTo(MAX_TTL) <= 0;
  }

  /**
   * A new, unused token for {@code grantId}.
   *
   * @throws IllegalArgumentException when the TTL is not positive or exceeds {@link #MAX_TTL}
   */
  public static EnrollmentToken issue(
      TokenHash hash, GrantId grantId, Instant issuedAt, Duration ttl) {
    if (!isValidTtl(ttl)) {
      throw new IllegalArgumentException(
          "token TTL must be positive and at most " + MAX_TTL.toMinutes() + " minutes, was " + ttl);
    }
    return new EnrollmentToken(
        hash,
        grantId,
        issuedAt,
        issuedAt.plus(ttl),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Reconstitutes a stored token exactly as saved. For persistence adapters only. */
  public static EnrollmentToken rehydrate(
      TokenHash hash,
      GrantId grantId,
      Instant issuedAt,
      Instant expiresAt,
      Optional<Instant> usedAt,
      Optional<PublicKeyFingerprint> usedForPublicKey,
      Optional<EnrollmentCertificate> issuedCertificate) {
    return new EnrollmentToken(
        hash, grantId, issuedAt, expiresAt, usedAt, usedForPublicKey, issuedCertificate);
  }

  /**
   * Decides a redemption attempt at {@code now} by the holder of {@code publicKey}: unused and
   * within the TTL → {@link Redemption.Claim}; unused and past the TTL → {@link
   * Redemption.Expired}; used by the same key within the TTL → {@link Redemption.RetrySameKey};
   * otherwise → {@link Redemption.AlreadyUsed}. Persisting a claim must be a compare-and-set on
   * {@code used_at} (see the token repository's {@code claim}).
   */
  public Redemption redeem(Instant now, PublicKeyFingerprint publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    boolean withinTtl = now.isBefore(expiresAt);
    if (usedAt.isEmpty()) {
      if (!withinTtl) {
        return new Redemption.Expired();
      }
      return new Redemption.Claim(
          new EnrollmentToken(
              hash,
              grantId,
              issuedAt,
              expiresAt,
              Optional.of(now),
              Optional.of(publicKey),
              Optional.empty()));
    }
    if (withinTtl && usedForPublicKey.get().equals(publicKey)) {
      return new Redemption.RetrySameKey(issuedCertificate);
    }
    return new Redemption.AlreadyUsed();
  }

  /**
   * Records the certificate issued for this (used) token.
   *
   * @throws IllegalStateException when the token is unused
   */
  public EnrollmentToken withIssuedCertificate(EnrollmentCertificate certificate) {
    if (usedAt.isEmpty()) {
      throw new IllegalStateException("the token has not been used");
    }
    return new EnrollmentToken(
        hash, grantId, issuedAt, expiresAt, usedAt, usedForPublicKey, Optional.of(certificate));
  }

  public TokenHash hash() {
    return hash;
  }

  public GrantId grantId() {
    return grantId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> usedAt() {
    return usedAt;
  }

  public Optional<PublicKeyFingerprint> usedForPublicKey() {
    return usedForPublicKey;
  }

  public Optional<EnrollmentCertificate> issuedCertificate() {
    return issuedCertificate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnrollmentToken t
        && hash.equals(t.hash)
        && grantId.equals(t.grantId)
        && issuedAt.equals(t.issuedAt)
        && expiresAt.equals(t.expiresAt)
        && usedAt.equals(t.usedAt)
        && usedForPublicKey.equals(t.usedForPublicKey)
        && issuedCertificate.equals(t.issuedCertificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hash, usedAt);
  }

  @Override
  public String toString() {
    return "EnrollmentToken[grant " + grantId + ", expires " + expiresAt + ", used " + usedAt + "]";
  }
}
