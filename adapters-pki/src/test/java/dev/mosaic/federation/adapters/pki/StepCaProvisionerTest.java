package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCaProvisionerTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void token_fromPlainJwk_isEs256JwtWithStepCaClaims(@TempDir Path dir) throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("kid-1").generate();
    Path file = dir.resolve("key.json");
    Files.writeString(file, key.toJSONString());
    var provisioner =
        StepCaProvisioner.load("mosaic", file, dir.resolve("unused"), new SecureRandom());

    String token =
        provisioner.token(
            "https://ca.example/1.0/sign",
            "home.example",
            Map.of("sans", List.of("home.example"), "mosaic_grant_id", "g"),
            NOW);

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-1");
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("mosaic");
    assertThat(claims.getAudience()).containsExactly("https://ca.example/1.0/sign");
    assertThat(claims.getSubject()).isEqualTo("home.example");
    assertThat(claims.getStringListClaim("sans")).containsExactly("home.example");
    assertThat(claims.getStringClaim("mosaic_grant_id")).isEqualTo("g");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW);
    assertThat(Duration.between(NOW, claims.getExpirationTime().toInstant()))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(claims.getJWTID()).matches("[0-9a-f]{32}");
  }

  @Test
  void token_twice_hasDistinctIds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.json");
    Files.writeString(file, new ECKeyGenerator(Curve.P_256).generate().toJSONString());
    var provisioner = StepCaProvisioner.load("mosaic", file, file, new SecureRandom());

    String first = provisioner.token("https://ca/1.0/sign", "a", Map.of(), NOW);
    String second = provisioner.token("https://ca/1.0/sign", "a", Map.of(), NOW);

    assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
  }

  @Test
  void load_stepCaEncryptedKeyWithItsPassword_hasTheProvisionerKid() throws Exception {
    TestStepCa.requireRunning();

    var provisioner =
        StepCaProvisioner.load(
            TestStepCa.PROVISIONER,
            TestStepCa.provisionerKeyFile(),
            TestStepCa.passwordFile(),
            new SecureRandom());

    assertThat(provisioner.keyId())
        .isEqualTo(Files.readString(TestStepCa.provisionerKidFile()).strip());
  }

  @Test
  void load_wrongPassword_failsNamingTheFileOnly(@TempDir Path dir) throws Exception {
    TestStepCa.requireRunning();
    Path wrong = dir.resolve("password");
    Files.writeString(wrong, "not-the-password");

    assertThatThrownBy(
            () ->
                StepCaProvisioner.load(
                    "mosaic", TestStepCa.provisionerKeyFile(), wrong, new SecureRandom()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining(TestStepCa.provisionerKeyFile().toString())
        .hasMessageNotContaining(Files.readString(TestStepCa.provisionerKeyFile()).strip())
        .hasNoCause();
  }

  @Test
  void load_publicOrWrongCurveKey_isRejected(@TempDir Path dir) throws Exception {
    Path publicOnly = dir.resolve("public.json");
    Files.writeString(
        publicOnly, new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());
    Path p384 = dir.resolve("p384.json");
    Files.writeString(p384, new ECKeyGenerator(Curve.P_384).generate().toJSONString());

    for (Path file : List.of(publicOnly, p384, dir.resolve("absent.json"))) {
      assertThatThrownBy(() -> StepCaProvisioner.load("mosaic", file, file, new SecureRandom()))
          .isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining(file.toString());
    }
  }
}
