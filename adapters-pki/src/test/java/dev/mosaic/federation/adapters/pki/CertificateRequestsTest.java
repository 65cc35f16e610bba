package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

class CertificateRequestsTest {

  @Test
  void check_p256Sha256Csr_isAcceptedWithItsPublicKey() {
    var key = TestPki.p256();
    var check = CertificateRequests.check(TestPki.Csr.forKey(key).pem());

    assertThat(check).isInstanceOf(CsrCheck.Accepted.class);
    SubjectPublicKeyInfo info = ((CsrCheck.Accepted) check).request().getSubjectPublicKeyInfo();
    assertThat(info.getPublicKeyData().getOctets())
        .isEqualTo(
            SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded())
                .getPublicKeyData()
                .getOctets());
  }

  @Test
  void check_p384AndRsa2048_areAccepted() {
    assertThat(
            CertificateRequests.check(
                TestPki.Csr.forKey(TestPki.ecKey("secp384r1")).signedWith("SHA384withECDSA").pem()))
        .isInstanceOf(CsrCheck.Accepted.class);
    assertThat(CertificateRequests.check(TestPki.Csr.forKey(TestPki.rsaKey(2048)).pem()))
        .isInstanceOf(CsrCheck.Accepted.class);
  }

  @Test
  void check_rsa1024_isRejectedForKeySize() {
    var check = CertificateRequests.check(TestPki.Csr.forKey(TestPki.rsaKey(1024)).pem());

    assertThat(check)
        .isEqualTo(new CsrCheck.Rejected("CSR RSA key has 1024 bits; at least 2048 are required"));
  }

  @Test
  void check_sha1Signature_isRejected() {
    var check =
        CertificateRequests.check(
            TestPki.Csr.forKey(TestPki.p256()).signedWith("SHA1withECDSA").pem());

    assertThat(check).isInstanceOf(CsrCheck.Rejected.class);
    assertThat(((CsrCheck.Rejected) check).reason()).contains("not allowed").contains("SHA-1");
  }

  @Test
  void check_md5RsaSignature_isRejected() {
    var check =
        CertificateRequests.check(
            TestPki.Csr.forKey(TestPki.rsaKey(2048)).signedWith("MD5withRSA").pem());

    assertThat(check).isInstanceOf(CsrCheck.Rejected.class);
    assertThat(((CsrCheck.Rejected) check).reason()).contains("not allowed");
  }

  @Test
  void check_curveOtherThanP256OrP384_isRejected() {
    var check =
        CertificateRequests.check(
            TestPki.Csr.forKey(TestPki.ecKey("secp521r1")).signedWith("SHA512withECDSA").pem());

    assertThat(check)
        .isEqualTo(new CsrCheck.Rejected("CSR EC key must be on the named curve P-256 or P-384"));
  }

  @Test
  void check_tamperedSignature_isRejected() throws Exception {
    byte[] der = TestPki.Csr.forKey(TestPki.p256()).build().getEncoded();
    der[der.length - 5] ^= 0x01; // inside the signature value

    var check = CertificateRequests.check(TestPki.pem("CERTIFICATE REQUEST", der));

    assertThat(check).isEqualTo(new CsrCheck.Rejected("CSR self-signature does not verify"));
  }

  @Test
  void check_signatureByAnotherKey_isRejected() throws Exception {
    var request = TestPki.Csr.forKey(TestPki.p256()).build();
    var forged = TestPki.Csr.forKey(TestPki.p256()).build();
    // the first request's body and key, the second request's signature
    var mixed =
        new org.bouncycastle.asn1.pkcs.CertificationRequest(
            request.toASN1Structure().getCertificationRequestInfo(),
            forged.getSignatureAlgorithm(),
            forged.toASN1Structure().getSignature());

    var check = CertificateRequests.check(TestPki.pem("CERTIFICATE REQUEST", mixed.getEncoded()));

    assertThat(check).isEqualTo(new CsrCheck.Rejected("CSR self-signature does not verify"));
  }

  @Test
  void check_notPemOrWrongTypeOrTwoBlocks_isRejected() {
    String pem = TestPki.Csr.forKey(TestPki.p256()).pem();

    assertThat(CertificateRequests.check("not a csr")).isInstanceOf(CsrCheck.Rejected.class);
    assertThat(CertificateRequests.check(null)).isInstanceOf(CsrCheck.Rejected.class);
    assertThat(CertificateRequests.check(pem.replace("CERTIFICATE REQUEST", "CERTIFICATE")))
        .isInstanceOf(CsrCheck.Rejected.class);
    assertThat(CertificateRequests.check(pem + pem)).isInstanceOf(CsrCheck.Rejected.class);
    assertThat(CertificateRequests.check("junk\n" + pem)).isInstanceOf(CsrCheck.Rejected.class);
  }

  @Test
  void check_trailingBytesAfterDer_isRejected() throws Exception {
    byte[] der = TestPki.Csr.forKey(TestPki.p256()).build().getEncoded();
    byte[] longer = Arrays.copyOf(der, der.length + 2);

    var check = CertificateRequests.check(TestPki.pem("CERTIFICATE REQUEST", longer));

    assertThat(check).isInstanceOf(CsrCheck.Rejected.class);
  }

  @Test
  void toPem_ofAcceptedRequest_roundTrips() {
    var accepted =
        (CsrCheck.Accepted) CertificateRequests.check(TestPki.Csr.forKey(TestPki.p256()).pem());

    assertThat(CertificateRequests.check(CertificateRequests.toPem(accepted.request())))
        .isEqualTo(accepted);
  }
}
