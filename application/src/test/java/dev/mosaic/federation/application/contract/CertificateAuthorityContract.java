package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CertificateAuthority}: the client certificate profile of SPEC §4. */
public abstract class CertificateAuthorityContract {
  protected CertificateAuthority ca;

  protected abstract CertificateAuthority createCertificateAuthority();

  /** A fresh, valid CSR (new key each call). */
  protected abstract CertificateSigningRequest aCsr();

  /** Parses a certificate PEM issued by the CA under test (or its root). */
  protected abstract CertificateContents inspect(String pem);

  /** The earliest acceptable {@code notAfter} of a fresh certificate (e.g. now + a minute). */
  protected abstract Instant notAfterAtLeast();

  @BeforeEach
  void setUpCertificateAuthorityContract() {
    ca = createCertificateAuthority();
  }

  private ClientCertificateRequest aRequest() {
    return new ClientCertificateRequest(
        aCsr(),
        PeerName.parse("home.example"),
        new GrantId(UUID.randomUUID()),
        new UserId(UUID.randomUUID()));
  }

  @Test
  void issueClientCertificate_carriesTheGrantIdentityAndClientAuthOnly() {
    ClientCertificateRequest request = aRequest();

    IssuedCertificate issued = ca.issueClientCertificate(request);

    CertificateContents contents = inspect(issued.pem());
    assertThat(contents.commonName()).isEqualTo("home.example");
    assertThat(contents.grantExtension()).contains(request.grantId().toString());
    assertThat(contents.subjectExtension()).contains(request.subjectUserId().toString());
    assertThat(contents.clientAuthOnly()).isTrue();
    assertThat(contents.isCa()).isFalse();
  }

  @Test
  void issueClientCertificate_reportsTheCertificatesOwnFingerprintSerialAndExpiry() {
    IssuedCertificate issued = ca.issueClientCertificate(aRequest());

    CertificateContents contents = inspect(issued.pem());
    assertThat(issued.fingerprint()).isEqualTo(contents.fingerprint());
    assertThat(issued.serialNumber()).isEqualTo(contents.serialNumber());
    assertThat(issued.notAfter()).isEqualTo(contents.notAfter());
    assertThat(issued.notAfter()).isAfterOrEqualTo(notAfterAtLeast());
    assertThat(issued.toPin().fingerprint()).isEqualTo(issued.fingerprint());
  }

  @Test
  void issueClientCertificate_twice_distinctSerialsAndFingerprints() {
    IssuedCertificate first = ca.issueClientCertificate(aRequest());
    IssuedCertificate second = ca.issueClientCertificate(aRequest());

    assertThat(second.serialNumber()).isNotEqualTo(first.serialNumber());
    assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
  }

  @Test
  void rootFingerprint_isThatOfTheRootPem() {
    assertThat(ca.rootFingerprint()).isEqualTo(inspect(ca.rootCertificatePem()).fingerprint());
    assertThat(inspect(ca.rootCertificatePem()).isCa()).isTrue();
  }

  @Test
  void revoke_twice_succeeds() {
    IssuedCertificate issued = ca.issueClientCertificate(aRequest());
    RevokedCertificate entry =
        RevokedCertificate.of(issued.toPin(), new GrantId(UUID.randomUUID()), Times.T0, "test");

    assertThatCode(
            () -> {
              ca.revoke(entry);
              ca.revoke(entry);
            })
        .doesNotThrowAnyException();
  }
}
