package dev.mosaic.federation.adapters.pki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * EC private keys as PKCS#8 PEM ({@code PRIVATE KEY}). PKCS#8 keeps the named curve, which
 * BouncyCastle's traditional ({@code EC PRIVATE KEY}) writer drops for JDK-generated keys.
 */
final class EcKeyPem {

  private static final Pattern PEM =
      Pattern.compile(
          "\\s*-----BEGIN PRIVATE KEY-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)-----END PRIVATE KEY-----\\s*");

  private EcKeyPem() {}

  /** Writes an EC private key as PKCS#8 PEM. */
  static String write(ECPrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("key does not encode as PKCS#8");
    }
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * Reads one PKCS#8 PEM EC private key.
   *
   * @throws GeneralSecurityException if the text is not exactly one PKCS#8 PEM EC key
   */
  static ECPrivateKey read(String pem) throws GeneralSecurityException {
    var matcher = PEM.matcher(pem);
    if (!matcher.matches()) {
      throw new GeneralSecurityException("not a single PKCS#8 'PRIVATE KEY' PEM block");
    }
    PrivateKey key;
    try {
      key =
          KeyFactory.getInstance("EC")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1))));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("PKCS#8 PEM body is not valid base64", e);
    }
    return (ECPrivateKey) key;
  }
}
