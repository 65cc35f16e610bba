package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.util.List;
import java.util.Objects;

/** Tells every replica to close live connections that authenticated with these certificates. */
public record RevocationNotice(GrantId grant, List<CertificateFingerprint> certificates) {
  public RevocationNotice {
    Objects.requireNonNull(grant, "grant");
    certificates = List.copyOf(certificates);
  }
}
