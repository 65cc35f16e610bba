package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.ClientCertificateRequest;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.IssuedCertificate;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import dev.mosaic.federation.domain.pki.RevokedCertificate;
import java.util.Optional;

/**
 * The two read-only answers of a CA (root and CRL), set by the test; {@link #failWith} makes them
 * throw. Issuing and revoking are not the listener's business and refuse.
 */
final class StubCertificateAuthority implements CertificateAuthority {
  private final TestPki pki;
  private volatile Optional<byte[]> crl = Optional.empty();
  private volatile RuntimeException failure;

  StubCertificateAuthority(TestPki pki) {
    this.pki = pki;
  }

  void publishCrl(byte[] der) {
    crl = Optional.of(der.clone());
  }

  void failWith(RuntimeException e) {
    failure = e;
  }

  @Override
  public String rootCertificatePem() {
    throwIfFailing();
    return pki.root().certificatePem();
  }

  @Override
  public CertificateFingerprint rootFingerprint() {
    return pki.rootPin();
  }

  @Override
  public Optional<byte[]> currentCrl() {
    throwIfFailing();
    return crl;
  }

  @Override
  public IssuedCertificate issueClientCertificate(ClientCertificateRequest request) {
    throw new InfrastructureException("not used by the listener", false);
  }

  @Override
  public void revoke(RevokedCertificate certificate) {
    throw new InfrastructureException("not used by the listener", false);
  }

  private void throwIfFailing() {
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }
}
