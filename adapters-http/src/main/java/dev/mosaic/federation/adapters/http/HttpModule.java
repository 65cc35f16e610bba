package dev.mosaic.federation.adapters.http;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.PeerTransport;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Optional;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP adapter: B's {@link FederationServer} and A's {@link PeerTransport}.
 *
 * <p>Needs in the graph: {@link HttpSettings}, {@link InstantSource}, {@link
 * RedeemEnrollmentUseCase}, {@link CertificateAuthority}, {@link
 * dev.mosaic.federation.application.port.out.KeySealer} and {@code @Named("federation-server")
 * X509ExtendedKeyManager} (B's server certificate); optionally
 * {@code @Named("federation-client-trust") X509ExtendedTrustManager} (which client certificates the
 * listener accepts; without it none is requested). The server is not started here and not closed
 * with the graph's closeables: whoever serves calls {@link FederationServer#start()} and closes it.
 */
@Module
public interface HttpModule {
  String SERVER_KEY_MANAGER = "federation-server";
  String CLIENT_TRUST_MANAGER = "federation-client-trust";

  @BindsOptionalOf
  @Named(CLIENT_TRUST_MANAGER)
  X509ExtendedTrustManager clientTrustManager();

  @Binds
  @Singleton
  PeerTransport peerTransport(OkHttpPeerTransport transport);

  @Provides
  @Singleton
  static FederationServer federationServer(
      HttpSettings settings,
      InstantSource clock,
      RedeemEnrollmentUseCase redeem,
      CertificateAuthority authority,
      @Named(SERVER_KEY_MANAGER) X509ExtendedKeyManager serverKeyManager,
      @Named(CLIENT_TRUST_MANAGER) Optional<X509ExtendedTrustManager> clientTrust) {
    return FederationServers.create(
        settings, clock, redeem, authority, serverKeyManager, clientTrust);
  }
}
