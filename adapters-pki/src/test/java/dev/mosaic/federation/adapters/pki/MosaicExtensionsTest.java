package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.adapters.pki.TestPki.RawExtension;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.UUID;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

class MosaicExtensionsTest {

  private static final String GRANT = "0b7e8f5c-3a1d-4c2e-9f10-6a5b4c3d2e1f";
  private static final String USER = "5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
  private final MosaicExtensions extensions = new MosaicExtensions(MosaicExtensions.DEFAULT_ARC);

  @Test
  void oids_underDefaultArc_areDotOneAndDotTwo() {
    assertThat(extensions.grantIdOid()).isEqualTo("1.3.6.1.4.1.99999.1");
    assertThat(extensions.subjectUserIdOid()).isEqualTo("1.3.6.1.4.1.99999.2");
    assertThat(new MosaicExtensions("1.2.3").subjectUserIdOid()).isEqualTo("1.2.3.2");
  }

  @Test
  void constructor_invalidArc_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new MosaicExtensions("not.an.oid"));
  }

  @Test
  void read_derUtf8StringCanonicalUuids_returnsBoth() throws Exception {
    var certificate =
        certificateWith(
            new RawExtension(extensions.grantIdOid(), false, utf8(GRANT)),
            new RawExtension(extensions.subjectUserIdOid(), false, utf8(USER)));

    assertThat(extensions.grantId(certificate)).isEqualTo(UUID.fromString(GRANT));
    assertThat(extensions.subjectUserId(certificate)).isEqualTo(UUID.fromString(USER));
  }

  @Test
  void read_otherArc_doesNotSeeDefaultArcExtensions() {
    var certificate = certificateWith(new RawExtension("1.3.6.1.4.1.99999.1", false, utf8(GRANT)));

    assertThatThrownBy(() -> new MosaicExtensions("1.3.6.1.4.1.12345").grantId(certificate))
        .isInstanceOf(CertificateException.class)
        .hasMessage("extension 1.3.6.1.4.1.12345.1 is missing");
  }

  @Test
  void read_missing_isRejected() {
    assertThatThrownBy(() -> extensions.grantId(certificateWith()))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("is missing");
  }

  @Test
  void read_critical_isRejected() {
    var certificate = certificateWith(new RawExtension(extensions.grantIdOid(), true, utf8(GRANT)));

    assertThatThrownBy(() -> extensions.grantId(certificate))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("must not be critical");
  }

  @Test
  void read_wrongTag_isRejected() {
    byte[] printable = utf8(GRANT);
    printable[0] = 0x13; // PrintableString
    byte[] octets = utf8(GRANT);
    octets[0] = 0x04; // OCTET STRING

    assertNotUtf8String(printable);
    assertNotUtf8String(octets);
  }

  @Test
  void read_trailingBytes_isRejected() {
    byte[] value = utf8(GRANT);
    byte[] longer = java.util.Arrays.copyOf(value, value.length + 1);

    assertNotUtf8String(longer);
  }

  @Test
  void read_nonMinimalLength_isRejected() {
    byte[] text = GRANT.getBytes(StandardCharsets.US_ASCII);
    byte[] longForm = new byte[text.length + 3];
    longForm[0] = 0x0C;
    longForm[1] = (byte) 0x81; // long-form length where the short form is required in DER
    longForm[2] = (byte) text.length;
    System.arraycopy(text, 0, longForm, 3, text.length);

    assertNotUtf8String(longForm);
  }

  @Test
  void read_nonCanonicalUuid_isRejected() {
    for (String text :
        new String[] {
          GRANT.toUpperCase(java.util.Locale.ROOT),
          "{" + GRANT + "}",
          GRANT.replace("-", ""),
          "b7e8f5c-3a1d-4c2e-9f10-6a5b4c3d2e1f",
          GRANT + " ",
          "not-a-uuid"
        }) {
      var certificate =
          certificateWith(new RawExtension(extensions.grantIdOid(), false, utf8(text)));

      assertThatThrownBy(() -> extensions.grantId(certificate))
          .as(text)
          .isInstanceOf(CertificateException.class)
          .hasMessageContaining("not a canonical lowercase UUID");
    }
  }

  private void assertNotUtf8String(byte[] value) {
    var certificate = certificateWith(new RawExtension(extensions.grantIdOid(), false, value));

    assertThatThrownBy(() -> extensions.grantId(certificate))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("is not a DER UTF8String");
  }

  private static java.security.cert.X509Certificate certificateWith(RawExtension... raw) {
    return TestPki.selfSigned("peer.example", false, raw);
  }

  private static byte[] utf8(String text) {
    try {
      return new DERUTF8String(text).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
