package dev.mosaic.federation.adapters.cache.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import dev.mosaic.federation.adapters.cache.CacheModule;
import dev.mosaic.federation.adapters.cache.TestValkey;
import dev.mosaic.federation.adapters.cache.ValkeySettings;
import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Wires {@link CacheModule} from another package, as bootstrap does, through its public types only.
 */
class CacheModuleTest {

  @Singleton
  @Component(modules = CacheModule.class)
  interface CacheComponent {
    RateLimiter rateLimiter();

    Set<DependencyCheck> checks();

    Set<AutoCloseable> closeables();

    @Component.Factory
    interface Factory {
      CacheComponent create(
          @BindsInstance ValkeySettings settings, @BindsInstance InstantSource clock);
    }
  }

  @Test
  void component_withTestValkey_limitsRatesAndReportsTheServer() throws Exception {
    CacheComponent component =
        DaggerCacheModuleTest_CacheComponent.factory()
            .create(TestValkey.settings(), InstantSource.system());
    try {
      GrantId grant = new GrantId(UUID.randomUUID());
      RateLimit limit = new RateLimit(1, 1);

      assertThat(component.rateLimiter().tryAcquire(grant, limit))
          .isInstanceOf(RateLimitDecision.Acquired.class);
      assertThat(component.rateLimiter().tryAcquire(grant, limit))
          .isInstanceOf(RateLimitDecision.Limited.class);
      assertThat(component.checks())
          .singleElement()
          .satisfies(
              check -> {
                assertThat(check.name()).isEqualTo("valkey");
                CheckResult result = check.check();
                assertThat(result.status()).as(result.toString()).isEqualTo(CheckStatus.OK);
              });
    } finally {
      for (AutoCloseable closeable : component.closeables()) {
        closeable.close();
      }
    }
  }
}
