package dev.mosaic.federation.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.mosaic.federation.adapters.cache.CacheModule;
import dev.mosaic.federation.adapters.http.FederationServer;
import dev.mosaic.federation.adapters.http.HttpModule;
import dev.mosaic.federation.adapters.http.LocalServer;
import dev.mosaic.federation.adapters.persistence.PersistenceModule;
import dev.mosaic.federation.adapters.pki.PkiModule;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.PeerTransport;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Set;

/** The standalone gateway's object graph, built from its configuration. */
@Singleton
@Component(
    modules = {
      BootstrapModule.class,
      ConfigModule.class,
      PersistenceModule.class,
      CacheModule.class,
      PkiModule.class,
      HttpModule.class
    })
public interface GatewayComponent extends GatewayServices {

  /** Wires a gateway for {@code config}; nothing is built or connected until first used. */
  static GatewayComponent create(GatewayConfig config) {
    return DaggerGatewayComponent.factory().create(config);
  }

  /** B's HTTPS listener, not started. */
  FederationServer federationServer();

  /** A's loopback listener (session API, {@code /healthz}, {@code /metrics}), not started. */
  LocalServer localServer();

  /** A's links as stored (for tools that inspect them, such as the acceptance tests). */
  LinkRepository links();

  /** A's calls to serving gateways, with each link's key unsealed in memory only. */
  PeerTransport peerTransport();

  /** B's per-grant rate limiter: shared buckets in Valkey, in-process while Valkey fails. */
  RateLimiter rateLimiter();

  /** Seals and opens secrets at rest under {@code secrets.sealingKey}. */
  KeySealer keySealer();

  /** The gateway's metrics, served as Prometheus text on {@code /metrics}. */
  MeterRegistry meterRegistry();

  @Override
  default FederationListener federationListener() {
    FederationServer server = federationServer();
    FunctionCounter.builder(
            "mosaic.federation.requests.handled", server, FederationServer::requestsHandled)
        .description("requests that reached a handler of the federation listener")
        .register(meterRegistry());
    return new FederationListener() {
      @Override
      public int start() {
        server.start();
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  @Override
  default LocalListener localListener() {
    LocalServer server = localServer();
    return new LocalListener() {
      @Override
      public int start() {
        server.start();
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /** Everything to release at the end: the adapters' contributions and the database pool. */
  Set<AutoCloseable> closeables();

  /** Closes every {@link #closeables()}; the first failure is thrown once all were tried. */
  @Override
  default void close() {
    RuntimeException failure = null;
    for (AutoCloseable closeable : closeables()) {
      try {
        closeable.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the gateway failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Component.Factory
  interface Factory {
    GatewayComponent create(@BindsInstance GatewayConfig config);
  }
}
