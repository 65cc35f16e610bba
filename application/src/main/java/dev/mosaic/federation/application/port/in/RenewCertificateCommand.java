package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import java.util.Objects;

/** A renewal: who asks (the certificate of the connection) and the CSR of the new key. */
public record RenewCertificateCommand(
    FederatedRequestContext context, CertificateSigningRequest csr) {
  public RenewCertificateCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(csr, "csr");
  }
}
