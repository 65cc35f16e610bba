package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** Fresh EC key pairs on the named curves Mosaic uses. */
final class EcKeys {

  /** Client and server (TLS end-entity) keys. */
  static final String P256 = "secp256r1";

  /** The local CA's root and intermediate keys. */
  static final String P384 = "secp384r1";

  private EcKeys() {}

  /**
   * @throws InfrastructureException (not transient) if the JDK cannot generate the key
   */
  static KeyPair generate(String curve, SecureRandom random) {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new InfrastructureException(
          "this JDK cannot generate EC " + curve + " keys: " + e.getMessage(), false);
    }
  }
}
