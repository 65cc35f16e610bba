package dev.mosaic.federation.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.mosaic.federation.adapters.cache.CacheModule;
import dev.mosaic.federation.adapters.persistence.PersistenceModule;
import dev.mosaic.federation.adapters.pki.PkiModule;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
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
      PkiModule.class
    })
public interface GatewayComponent extends GatewayServices {

  /** Wires a gateway for {@code config}. */
  static GatewayComponent create(GatewayConfig config) {
    return DaggerGatewayComponent.factory()
        .create(config, new PkiModule(ConfigModule.stepCaSettings(config)));
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
    GatewayComponent create(@BindsInstance GatewayConfig config, PkiModule pki);
  }
}
