package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.CsrVerifierContract;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;

class FakeCsrVerifierTest extends CsrVerifierContract {
  @Override
  protected CsrVerifier createCsrVerifier() {
    return new FakeCsrVerifier();
  }

  @Override
  protected KeyedCsr aValidCsr() {
    PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
    return new KeyedCsr(FakePki.csr(key), key);
  }

  @Override
  protected CertificateSigningRequest aCsrWithInvalidSignature() {
    return FakePki.csrWithBadSignature(CertificateFixtures.aPublicKey());
  }

  @Override
  protected CertificateSigningRequest aCsrWithWeakKey() {
    return FakePki.csrWithWeakKey(CertificateFixtures.aPublicKey());
  }
}
