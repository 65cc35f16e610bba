package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.ClientKeyMaterial;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * {@link ClientKeyFactory}: a JDK EC P-256 key pair and a BouncyCastle CSR with subject {@code
 * CN=<peer>}, no SAN and no extension request, signed SHA256withECDSA.
 */
final class BouncyCastleClientKeyFactory implements ClientKeyFactory {

  private final SecureRandom random;

  BouncyCastleClientKeyFactory(SecureRandom random) {
    this.random = random;
  }

  @Override
  public ClientKeyMaterial generate(PeerName commonName) {
    KeyPair key = EcKeys.generate(EcKeys.P256, random);
    var csr = CertificateRequests.build(key, commonName.value());
    return new ClientKeyMaterial(
        key.getPrivate().getEncoded(),
        new CertificateSigningRequest(CertificateRequests.toPem(csr)),
        PublicKeyFingerprint.of(key.getPublic().getEncoded()));
  }
}
