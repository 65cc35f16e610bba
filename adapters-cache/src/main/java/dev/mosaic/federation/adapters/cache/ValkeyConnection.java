package dev.mosaic.federation.adapters.cache;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/**
 * The gateway's one Redisson client, created on first use, so commands that never touch Valkey
 * never connect to it; closing shuts the client down only if it was created.
 */
@Singleton
final class ValkeyConnection implements AutoCloseable {
  private final ValkeySettings settings;
  private RedissonClient client;

  @Inject
  ValkeyConnection(ValkeySettings settings) {
    this.settings = settings;
  }

  synchronized RedissonClient client() {
    if (client == null) {
      client = RedissonClients.create(settings);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      RedissonClients.shutdown(client);
      client = null;
    }
  }
}
