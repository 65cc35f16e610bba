package dev.mosaic.federation.application.port.out;

import java.util.Objects;

/** A PKCS#10 certificate signing request in PEM form, as received; not yet checked. */
public record CertificateSigningRequest(String pem) {
  public CertificateSigningRequest {
    Objects.requireNonNull(pem, "pem");
  }

  @Override
  public String toString() {
    return "CertificateSigningRequest[" + pem.length() + " chars]";
  }
}
