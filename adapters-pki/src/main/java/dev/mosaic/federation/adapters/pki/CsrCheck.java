package dev.mosaic.federation.adapters.pki;

import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Outcome of {@link CertificateRequests#check}: a request fit to send to a CA, or why not. */
sealed interface CsrCheck {

  /** The request parsed strictly, is self-signed correctly and uses a strong key and algorithm. */
  record Accepted(PKCS10CertificationRequest request) implements CsrCheck {}

  /** The request must not reach a CA; {@code reason} is safe to show to the requester. */
  record Rejected(String reason) implements CsrCheck {}
}
