package dev.mosaic.federation.adapters.http;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.application.port.in.AuthenticateSessionUseCase;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.QueryUseCase;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP adapter: B's {@link FederationServer}, A's {@link PeerTransport}
 * ({@code @Named(PEER_NETWORK)}) and A's loopback {@link LocalServer}.
 *
 * <p>Needs in the graph: {@link PeerTransport} (unqualified), {@link HttpSettings}, {@link
 * LocalHttpSettings}, {@link InstantSource}, {@link RedeemEnrollmentUseCase}, {@link
 * ServeFederatedRequestUseCase}, {@link RenewCertificateUseCase}, {@link
 * AuthenticateSessionUseCase}, {@link QueryUseCase}, {@link FederationStatusUseCase}, {@link
 * CertificateAuthority}, {@link CertificateReader}, {@link RevocationBroadcaster}, {@link
 * dev.mosaic.federation.application.port.out.KeySealer}, {@code @Named("federation-server")
 * X509ExtendedKeyManager} (B's server certificate) and {@code @Named("federation-ca-root")
 * X509Certificate} (the root client certificates must chain to); optionally
 * {@code @Named("metrics-scrape") Supplier<String>} (the Prometheus text {@code /metrics} serves;
 * without it {@code /metrics} answers 404).
 *
 * <p>Binds {@code @Named("federation-client-trust") X509ExtendedTrustManager}: which client
 * certificates the listener accepts (see {@link ClientCertificateTrustManager}). Neither server is
 * started here nor closed with the graph's closeables: whoever serves calls {@code start()} and
 * closes it.
 */
@Module
public interface HttpModule {
  String SERVER_KEY_MANAGER = "federation-server";
  String CLIENT_TRUST_MANAGER = "federation-client-trust";
  String CA_ROOT = "federation-ca-root";
  String METRICS_SCRAPE = "metrics-scrape";

  /**
   * A's calls over the network, bound as {@code @Named(PEER_NETWORK) PeerTransport}; the graph
   * binds the unqualified {@link PeerTransport} (the gateway wraps this one in its backoff).
   */
  String PEER_NETWORK = "peer-network";

  @BindsOptionalOf
  @Named(METRICS_SCRAPE)
  Supplier<String> metricsScrape();

  @Binds
  @Singleton
  @Named(PEER_NETWORK)
  PeerTransport peerTransport(OkHttpPeerTransport transport);

  @Provides
  @Singleton
  @Named(CLIENT_TRUST_MANAGER)
  static X509ExtendedTrustManager clientTrustManager(@Named(CA_ROOT) X509Certificate root) {
    return new ClientCertificateTrustManager(root);
  }

  @Provides
  @Singleton
  static FederationServer federationServer(
      HttpSettings settings,
      InstantSource clock,
      RedeemEnrollmentUseCase redeem,
      CertificateAuthority authority,
      ServeFederatedRequestUseCase serve,
      RenewCertificateUseCase renewal,
      CertificateReader certificateReader,
      @Named(SERVER_KEY_MANAGER) X509ExtendedKeyManager serverKeyManager,
      @Named(CLIENT_TRUST_MANAGER) X509ExtendedTrustManager clientTrust,
      RevocationBroadcaster revocations) {
    return FederationServers.create(
        settings,
        clock,
        redeem,
        authority,
        serve,
        renewal,
        certificateReader,
        serverKeyManager,
        Optional.of(clientTrust),
        revocations);
  }

  @Provides
  @Singleton
  static LocalServer localServer(
      LocalHttpSettings settings,
      AuthenticateSessionUseCase authenticate,
      QueryUseCase queries,
      FederationStatusUseCase status,
      @Named(METRICS_SCRAPE) Optional<Supplier<String>> metrics) {
    return LocalServer.create(settings, authenticate, queries, status, metrics);
  }
}
