package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {

  @Test
  void sha256Hex_isLowercaseHexOfDer() throws Exception {
    var certificate = TestPki.selfSigned("root.example", true);

    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    assertThat(Certificates.sha256Hex(certificate)).isEqualTo(expected).matches("[0-9a-f]{64}");
  }

  @Test
  void readSingle_onePemCertificate_parsesIt(@TempDir Path dir) throws Exception {
    var certificate = TestPki.selfSigned("root.example", true);
    Path file = dir.resolve("root.crt");
    Files.writeString(file, TestPki.pem("CERTIFICATE", certificate.getEncoded()));

    assertThat(Certificates.readSingle(file)).isEqualTo(certificate);
  }

  @Test
  void readSingle_twoCertificatesOrMissingFile_isRejected(@TempDir Path dir) throws Exception {
    Path two = dir.resolve("two.crt");
    Files.writeString(
        two,
        TestPki.pem("CERTIFICATE", TestPki.selfSigned("a", true).getEncoded())
            + TestPki.pem("CERTIFICATE", TestPki.selfSigned("b", true).getEncoded()));

    assertThatThrownBy(() -> Certificates.readSingle(two))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> Certificates.readSingle(dir.resolve("absent.crt")))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("cannot read");
  }
}
