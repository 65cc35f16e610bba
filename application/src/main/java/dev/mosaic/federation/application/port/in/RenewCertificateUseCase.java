package dev.mosaic.federation.application.port.in;

/**
 * {@code POST /api/federation/v1/renew} on the serving side (SPEC §5.4): a requesting gateway,
 * authenticated by a certificate pinned for an active grant, trades a fresh CSR for a new
 * certificate of the same grant. Identity and rate limit are decided like every federated request
 * ({@link AuthorizeRequestUseCase#identify}); then, in one transaction that locks the grant row,
 * the certificate is issued with the grant's extensions, pinned as current with the presenting
 * certificate kept as the previous pin, and audited — the request row and a {@code renewed} event.
 *
 * <p>Never throws for a business outcome or an infrastructure failure (both are results); nothing
 * changes on any failure. A programming error is audited as {@code error}/500 and rethrown.
 */
public interface RenewCertificateUseCase {
  RenewCertificateResult renew(RenewCertificateCommand command);
}
