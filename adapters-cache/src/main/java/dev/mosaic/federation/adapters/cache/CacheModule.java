package dev.mosaic.federation.adapters.cache;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.application.port.out.RevocationBroadcaster;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/**
 * The Valkey adapter: the shared per-grant {@link RateLimiter}, the {@link RevocationBroadcaster}
 * that reaches every replica, and the {@code valkey} doctor check. Needs a {@link ValkeySettings}
 * and an {@code InstantSource} in the graph; {@link RateLimitFallback} says when the in-process
 * fallback is in use. Contributes the client's shutdown to {@code Set<AutoCloseable>}: close those
 * when the gateway stops.
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

  /** The shared buckets in Valkey, with an in-process fallback while Valkey fails. */
  @Binds
  RateLimiter rateLimiter(FallbackRateLimiter limiter);

  @Binds
  @IntoSet
  DependencyCheck valkeyCheck(ValkeyDependencyCheck check);

  /** Revocation notices to and from every replica, over one Valkey pub/sub channel. */
  @Binds
  RevocationBroadcaster revocationBroadcaster(ValkeyRevocationBroadcaster broadcaster);
}
