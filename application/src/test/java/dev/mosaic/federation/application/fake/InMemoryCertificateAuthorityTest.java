package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.CertificateAuthorityContract;
import dev.mosaic.federation.application.contract.CertificateContents;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import java.time.Duration;
import java.time.Instant;

class InMemoryCertificateAuthorityTest extends CertificateAuthorityContract {
  @Override
  protected CertificateAuthority createCertificateAuthority() {
    return new InMemoryCertificateAuthority(
        new MutableInstantSource(Times.T0), Duration.ofDays(30));
  }

  @Override
  protected CertificateSigningRequest aCsr() {
    return FakePki.csr(CertificateFixtures.aPublicKey());
  }

  @Override
  protected CertificateContents inspect(String pem) {
    return FakePki.inspect(pem);
  }

  @Override
  protected Instant notAfterAtLeast() {
    return Times.T0.plus(Duration.ofDays(29));
  }
}
