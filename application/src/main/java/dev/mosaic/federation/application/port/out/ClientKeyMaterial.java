package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.util.Objects;

/**
 * A freshly generated client key pair: the private key as PKCS#8 DER (to be sealed before it is
 * stored), the CSR to send, and the fingerprint of the public key (SHA-256 of its
 * SubjectPublicKeyInfo) to check the issued certificate against.
 */
public record ClientKeyMaterial(
    byte[] privateKeyPkcs8, CertificateSigningRequest csr, PublicKeyFingerprint publicKey) {
  public ClientKeyMaterial {
    Objects.requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
    Objects.requireNonNull(csr, "csr");
    Objects.requireNonNull(publicKey, "publicKey");
    privateKeyPkcs8 = privateKeyPkcs8.clone();
  }

  @Override
  public byte[] privateKeyPkcs8() {
    return privateKeyPkcs8.clone();
  }

  @Override
  public String toString() {
    return "ClientKeyMaterial[publicKey=" + publicKey + ", private key redacted]";
  }
}
