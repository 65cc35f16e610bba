package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class EcKeyPemTest {

  @Test
  void writeThenRead_p256Key_keepsCurveAndSigns() throws Exception {
    var pair = TestPki.p256();

    String pem = EcKeyPem.write((ECPrivateKey) pair.getPrivate());
    ECPrivateKey read = EcKeyPem.read(pem);

    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(read.getParams().getCurve())
        .isEqualTo(((ECPublicKey) pair.getPublic()).getParams().getCurve());
    assertThat(read.getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    var signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(read);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    var verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void read_traditionalOrRsaOrGarbage_isRejected() {
    var rsa = TestPki.rsaKey(2048);
    String rsaPem = TestPki.pem("PRIVATE KEY", rsa.getPrivate().getEncoded());

    assertThatThrownBy(
            () ->
                EcKeyPem.read(
                    "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> EcKeyPem.read(rsaPem)).isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> EcKeyPem.read("garbage")).isInstanceOf(GeneralSecurityException.class);
  }
}
