package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Optional;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Assembles the federation listener: its routes, wire rules, rate limit and TLS. */
final class FederationServers {
  private FederationServers() {}

  static FederationServer create(
      HttpSettings settings,
      InstantSource clock,
      RedeemEnrollmentUseCase redeem,
      CertificateAuthority authority,
      ServeFederatedRequestUseCase serve,
      RenewCertificateUseCase renewal,
      CertificateReader certificateReader,
      X509ExtendedKeyManager serverKeyManager,
      Optional<X509ExtendedTrustManager> clientTrust,
      RevocationBroadcaster revocations) {
    FederatedEndpoints federated = new FederatedEndpoints(serve, renewal, certificateReader);
    Router router =
        federated
            .addTo(new EnrollmentEndpoints(redeem, authority).addTo(new Router.Builder()))
            .build();
    WireHandler handler =
        WireHandler.federation(
            router, new AddressRateLimiter(clock, settings.enrollmentPerMinute()), federated);
    X509ExtendedKeyManager keyManager =
        new ChainCompletingKeyManager(serverKeyManager, root(authority));
    return new FederationServer(settings, keyManager, clientTrust, handler, revocations);
  }

  /** The CA root to complete the server's chain with; none when the CA's PEM is not X.509. */
  private static Optional<X509Certificate> root(CertificateAuthority authority) {
    try {
      return Optional.of(Pem.certificates(authority.rootCertificatePem()).get(0));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
