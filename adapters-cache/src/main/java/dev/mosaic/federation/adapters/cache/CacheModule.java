package dev.mosaic.federation.adapters.cache;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.RateLimiter;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/**
 * The Valkey adapter: the shared per-grant {@link RateLimiter} and the {@code valkey} doctor check.
 * Needs a {@link ValkeySettings} in the graph. Contributes the client's shutdown to {@code
 * Set<AutoCloseable>}: close those when the gateway stops.
 */
@Module
public interface CacheModule {

  @Provides
  @Singleton
  static RedissonClient redissonClient(ValkeyConnection connection) {
    return connection.client();
  }

  @Binds
  @IntoSet
  AutoCloseable closeValkeyConnection(ValkeyConnection connection);

  @Binds
  @Singleton
  RateLimiter rateLimiter(RedissonRateLimiter limiter);

  @Binds
  @IntoSet
  DependencyCheck valkeyCheck(ValkeyDependencyCheck check);
}
