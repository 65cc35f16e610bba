package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.fake.InMemoryRevokedCertificateRepository;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.UserId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** B's server identity from the operator's files. */
class ServerCredentialsTest {

  private static final ServerName NAME = ServerName.of(URI.create("https://b.example:8443"));

  @TempDir Path dir;

  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private LocalCertificateAuthority ca;
  private final KeyPair key = TestPki.p256();

  @BeforeEach
  void createCa() {
    ca = TestLocalCa.open(dir.resolve("ca"), clock, new InMemoryRevokedCertificateRepository());
  }

  @Test
  void read_chainAndKeyIssuedByTheCa_areServed() throws Exception {
    List<X509Certificate> chain = ca.issueServerCertificate(NAME, key);

    ServerCredential credential = read(chain, key);

    assertThat(credential.chain()).containsExactlyElementsOf(chain);
    assertThat(credential.key().getEncoded()).isEqualTo(key.getPrivate().getEncoded());
  }

  @Test
  void read_chainIncludingTheRoot_leavesTheRootOut() throws Exception {
    List<X509Certificate> chain = ca.issueServerCertificate(NAME, key);

    ServerCredential credential = read(List.of(chain.get(0), chain.get(1), ca.root()), key);

    assertThat(credential.chain()).containsExactlyElementsOf(chain);
  }

  @Test
  void read_keyOfAnotherCertificate_failsNamingTheKeyFile() {
    List<X509Certificate> chain = ca.issueServerCertificate(NAME, key);

    assertFails(chain, TestPki.p256(), "federation.serverKeyFile", "not the key of the server");
  }

  @Test
  void read_certificateForAnotherHost_failsNamingThePublicUrl() {
    List<X509Certificate> chain =
        ca.issueServerCertificate(ServerName.of(URI.create("https://c.example")), key);

    assertFails(chain, key, "federation.serverCertificateFile", "federation.publicUrl");
  }

  @Test
  void read_certificateOfAnotherCa_failsSayingPeersPinTheRoot() {
    var otherCa =
        TestLocalCa.open(dir.resolve("other"), clock, new InMemoryRevokedCertificateRepository());
    List<X509Certificate> chain = otherCa.issueServerCertificate(NAME, key);

    assertFails(chain, key, "federation.serverCertificateFile", "root peers pin");
  }

  @Test
  void read_expiredCertificate_fails() {
    List<X509Certificate> chain = ca.issueServerCertificate(NAME, key);
    clock.advance(TestLocalCa.LIFETIME.plusDays(1));

    assertFails(chain, key, "federation.serverCertificateFile", "expired");
  }

  @Test
  void read_clientCertificateOfTheCa_isRefusedForNotNamingTheHost() throws Exception {
    var issued =
        ca.issueClientCertificate(
            new ClientCertificateRequest(
                new CertificateSigningRequest(
                    TestPki.Csr.forKey(key).subject("CN=b.example").pem()),
                PeerName.parse("b.example"),
                GrantId.of(UUID.randomUUID()),
                UserId.of(UUID.randomUUID())));

    assertFails(
        List.of(TestLocalCa.parse(issued.pem()), ca.intermediate()),
        key,
        "federation.serverCertificateFile",
        "does not name");
  }

  @Test
  void read_missingOrMalformedFiles_failNamingTheSetting() throws Exception {
    List<X509Certificate> chain = ca.issueServerCertificate(NAME, key);
    var files = write(chain, key);
    var missingCertificate =
        new PkiSettings.ServerCertificateFiles(dir.resolve("absent.crt"), files.keyFile());
    var notAKey =
        new PkiSettings.ServerCertificateFiles(
            files.certificateFile(), Files.writeString(dir.resolve("bad.key"), "garbage"));

    assertThatThrownBy(() -> ServerCredentials.read(missingCertificate, NAME, ca.root(), Times.T0))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("federation.serverCertificateFile")
        .hasMessageContaining("absent.crt");
    assertThatThrownBy(() -> ServerCredentials.read(notAKey, NAME, ca.root(), Times.T0))
        .isInstanceOf(InfrastructureException.class)
        .hasMessageStartingWith("federation.serverKeyFile")
        .hasMessageContaining("PKCS#8");
  }

  private ServerCredential read(List<X509Certificate> chain, KeyPair key) throws Exception {
    return ServerCredentials.read(write(chain, key), NAME, ca.root(), clock.instant());
  }

  private void assertFails(
      List<X509Certificate> chain, KeyPair key, String setting, String problem) {
    assertThatThrownBy(() -> read(chain, key))
        .isInstanceOfSatisfying(
            InfrastructureException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith(setting)
        .hasMessageContaining(problem);
  }

  private PkiSettings.ServerCertificateFiles write(List<X509Certificate> chain, KeyPair key)
      throws Exception {
    var pem = new StringBuilder();
    chain.forEach(certificate -> pem.append(Certificates.toPem(certificate)));
    Path certificateFile = Files.writeString(dir.resolve("server.crt"), pem);
    Path keyFile =
        Files.writeString(
            dir.resolve("server.key"), EcKeyPem.write((ECPrivateKey) key.getPrivate()));
    return new PkiSettings.ServerCertificateFiles(certificateFile, keyFile);
  }
}
