package dev.mosaic.federation.adapters.pki;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A step-ca JWK provisioner's private key and the one-time tokens (ES256 JWTs) it mints. The key
 * file holds either the provisioner's {@code encryptedKey} (a PBES2 compact JWE, opened with the
 * password file) or a plain private JWK.
 */
final class StepCaProvisioner {

  /** Tokens live one minute: step-ca allows five, and each is used at once. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(1);

  private final String name;
  private final String keyId;
  private final ECDSASigner signer;
  private final SecureRandom random;

  private StepCaProvisioner(String name, String keyId, ECDSASigner signer, SecureRandom random) {
    this.name = name;
    this.keyId = keyId;
    this.signer = signer;
    this.random = random;
  }

  /**
   * Loads the provisioner key; {@code passwordFile} is read only when the key is encrypted.
   *
   * @throws GeneralSecurityException if a file is unreadable, the password is wrong or the key is
   *     not a private EC P-256 JWK; the message names the file, never key material
   */
  static StepCaProvisioner load(String name, Path keyFile, Path passwordFile, SecureRandom random)
      throws GeneralSecurityException {
    String text = read(keyFile, "provisioner key file");
    JWK jwk;
    try {
      if (text.startsWith("{")) {
        jwk = JWK.parse(text);
      } else {
        var jwe = JWEObject.parse(text);
        String password = read(passwordFile, "password file");
        jwe.decrypt(new PasswordBasedDecrypter(password));
        jwk = JWK.parse(jwe.getPayload().toString());
      }
    } catch (ParseException | JOSEException | IllegalStateException e) {
      throw new GeneralSecurityException(
          "cannot open the provisioner key in " + keyFile + " (wrong password or not a JWK/JWE)");
    }
    if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
      throw new GeneralSecurityException(
          "the provisioner key in " + keyFile + " must be a private EC P-256 JWK (ES256)");
    }
    try {
      String keyId = ec.getKeyID() != null ? ec.getKeyID() : ec.computeThumbprint().toString();
      return new StepCaProvisioner(name, keyId, new ECDSASigner(ec), random);
    } catch (JOSEException e) {
      throw new GeneralSecurityException("the provisioner key in " + keyFile + " is unusable");
    }
  }

  String name() {
    return name;
  }

  String keyId() {
    return keyId;
  }

  /**
   * Mints a one-time token.
   *
   * @param audience the endpoint URL the token is for, e.g. {@code https://ca/1.0/sign}
   * @param subject the certificate's common name (sign) or its decimal serial (revoke)
   * @param claims extra claims (sans, sha, mosaic_*)
   */
  String token(String audience, String subject, Map<String, Object> claims, Instant now) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    var builder =
        new JWTClaimsSet.Builder()
            .issuer(name)
            .audience(List.of(audience))
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
            .jwtID(HexFormat.of().formatHex(id));
    claims.forEach(builder::claim);
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build(),
            builder.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a one-time token with the provisioner key", e);
    }
    return jwt.serialize();
  }

  private static String read(Path file, String what) throws GeneralSecurityException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new GeneralSecurityException("cannot read the " + what + " " + file);
    }
  }

  @Override
  public String toString() {
    return "StepCaProvisioner[" + name + ", kid " + keyId + "]";
  }
}
