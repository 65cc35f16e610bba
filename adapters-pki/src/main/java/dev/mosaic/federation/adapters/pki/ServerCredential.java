package dev.mosaic.federation.adapters.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * B's TLS server identity: its private key and certificate chain (the certificate first, then its
 * intermediates; the root, which peers pin, is left out).
 */
record ServerCredential(PrivateKey key, List<X509Certificate> chain) {
  ServerCredential {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a server credential needs a certificate");
    }
  }

  X509Certificate certificate() {
    return chain.getFirst();
  }

  @Override
  public String toString() {
    return "ServerCredential["
        + certificate().getSubjectX500Principal().getName()
        + ", serial "
        + certificate().getSerialNumber().toString(16)
        + ", private key redacted]";
  }
}
