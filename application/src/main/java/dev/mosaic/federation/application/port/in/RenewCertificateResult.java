package dev.mosaic.federation.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link RenewCertificateUseCase#renew}: a new certificate, or a {@link
 * ServeFailure} — 400 {@code invalid_request} for a CSR that is not acceptable (the message names
 * {@code csr}), 401/403 as for every federated request (403 {@code grant_revoked} for a revoked
 * grant), 429, or 503 when the CA or a store is unavailable.
 */
public sealed interface RenewCertificateResult
    permits RenewCertificateResult.Renewed, ServeFailure {

  /**
   * 200: {@code {certificate, chain}}.
   *
   * @param certificatePem the new certificate
   * @param chainPem the issuing chain, intermediate(s) first, excluding the root
   */
  record Renewed(String certificatePem, List<String> chainPem) implements RenewCertificateResult {
    public Renewed {
      Objects.requireNonNull(certificatePem, "certificatePem");
      chainPem = List.copyOf(chainPem);
    }
  }
}
