package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.enrollment.EnrollmentCertificate;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link EnrollmentTokenRepository} in a map; claim is a synchronized compare-and-set. */
public final class InMemoryEnrollmentTokenRepository
    implements EnrollmentTokenRepository, TransactionParticipant {
  private final Map<TokenHash, EnrollmentToken> tokens = new HashMap<>();

  @Override
  public synchronized void insert(EnrollmentToken token) {
    if (tokens.putIfAbsent(token.hash(), token) != null) {
      throw new InfrastructureException("duplicate token hash", false);
    }
  }

  @Override
  public synchronized Optional<EnrollmentToken> findByHash(TokenHash hash) {
    return Optional.ofNullable(tokens.get(hash));
  }

  @Override
  public synchronized boolean claim(
      TokenHash hash, Instant usedAt, PublicKeyFingerprint publicKey) {
    EnrollmentToken token = tokens.get(hash);
    if (token == null || token.usedAt().isPresent()) {
      return false;
    }
    tokens.put(
        hash,
        EnrollmentToken.rehydrate(
            token.hash(),
            token.grantId(),
            token.issuedAt(),
            token.expiresAt(),
            Optional.of(usedAt),
            Optional.of(publicKey),
            Optional.empty()));
    return true;
  }

  @Override
  public synchronized boolean recordIssuedCertificate(
      TokenHash hash, EnrollmentCertificate certificate) {
    EnrollmentToken token = tokens.get(hash);
    if (token == null || token.usedAt().isEmpty()) {
      return false;
    }
    tokens.put(hash, token.withIssuedCertificate(certificate));
    return true;
  }

  @Override
  public synchronized Object snapshot() {
    return new HashMap<>(tokens);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    tokens.clear();
    tokens.putAll((Map<TokenHash, EnrollmentToken>) snapshot);
  }
}
