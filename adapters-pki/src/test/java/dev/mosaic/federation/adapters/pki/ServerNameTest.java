package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

class ServerNameTest {

  @Test
  void of_ipv4Literal_isAnIpAddress() throws Exception {
    ServerName name = ServerName.of(URI.create("https://127.0.0.2:9000"));

    assertThat(name.host()).isEqualTo("127.0.0.2");
    assertThat(name.ipAddress()).contains(InetAddress.getByName("127.0.0.2"));
  }

  @Test
  void of_bracketedIpv6Literal_isAnIpAddressWithoutBrackets() throws Exception {
    ServerName name = ServerName.of(URI.create("https://[::1]:9000"));

    assertThat(name.host()).isEqualTo("::1");
    assertThat(name.ipAddress()).contains(InetAddress.getByName("::1"));
  }

  @Test
  void of_hostName_isALowerCaseDnsName() {
    ServerName name = ServerName.of(URI.create("https://Gateway.Example.ORG"));

    assertThat(name.host()).isEqualTo("gateway.example.org");
    assertThat(name.isIpAddress()).isFalse();
  }

  @Test
  void of_urlWithoutHost_isRefusedNamingTheSetting() {
    assertThatThrownBy(() -> ServerName.of(URI.create("https:///path")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("federation.publicUrl");
  }

  @Test
  void isOnlyNameOf_exactlyThatSan_isTrueAndNothingElseIs() throws Exception {
    ServerName dns = ServerName.of(URI.create("https://b.example"));
    ServerName ip = ServerName.of(URI.create("https://10.0.0.1"));

    assertThat(dns.isOnlyNameOf(withSans(new GeneralName(GeneralName.dNSName, "b.example"))))
        .isTrue();
    assertThat(ip.isOnlyNameOf(withSans(new GeneralName(GeneralName.iPAddress, "10.0.0.1"))))
        .isTrue();
    assertThat(
            dns.isOnlyNameOf(
                withSans(
                    new GeneralName(GeneralName.dNSName, "b.example"),
                    new GeneralName(GeneralName.dNSName, "c.example"))))
        .isFalse();
    assertThat(ip.isOnlyNameOf(withSans(new GeneralName(GeneralName.dNSName, "10.0.0.1"))))
        .isFalse();
    assertThat(dns.isOnlyNameOf(withSans(new GeneralName(GeneralName.dNSName, "*.example"))))
        .isFalse();
    assertThat(dns.isOnlyNameOf(TestPki.selfSigned("b.example", false))).isFalse();
  }

  @Test
  void isCoveredBy_operatorCertificate_acceptsALeftmostWildcardOnly() throws Exception {
    ServerName name = ServerName.of(URI.create("https://b.example.org"));

    assertThat(name.isCoveredBy(withSans(new GeneralName(GeneralName.dNSName, "*.example.org"))))
        .isTrue();
    assertThat(
            name.isCoveredBy(
                withSans(
                    new GeneralName(GeneralName.dNSName, "other.example"),
                    new GeneralName(GeneralName.dNSName, "B.Example.Org"))))
        .isTrue();
    assertThat(name.isCoveredBy(withSans(new GeneralName(GeneralName.dNSName, "*.org")))).isFalse();
    assertThat(name.isCoveredBy(withSans(new GeneralName(GeneralName.dNSName, "a.example.org"))))
        .isFalse();
  }

  private static X509Certificate withSans(GeneralName... names) throws Exception {
    return TestPki.selfSigned(
        "server",
        false,
        new TestPki.RawExtension(
            Extension.subjectAlternativeName.getId(), false, new GeneralNames(names).getEncoded()));
  }
}
