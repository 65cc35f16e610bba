package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisReconnectedException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/** Builds and closes the gateway's Redisson client, and translates its failures. */
final class RedissonClients {
  /** Time to open a connection: a dead or unreachable Valkey fails a call within about this. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(700);

  /** Time to wait for the answer to a command that was sent. */
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private RedissonClients() {}

  /**
   * A client for {@code settings}. It connects lazily, so a gateway whose Valkey is down still
   * starts far enough for {@code doctor} to say so. Commands are never retried: each fails after at
   * most {@link #CONNECT_TIMEOUT} or {@link #RESPONSE_TIMEOUT}, and taking a rate-limit token twice
   * because a retry followed a lost answer would be wrong.
   */
  static RedissonClient create(ValkeySettings settings) {
    Config config = new Config();
    config.setLazyInitialization(true);
    config.setCodec(StringCodec.INSTANCE);
    config.setUseScriptCache(true);
    SingleServerConfig server =
        config
            .useSingleServer()
            .setAddress(settings.address().toString())
            .setDatabase(settings.database())
            .setConnectTimeout(Math.toIntExact(CONNECT_TIMEOUT.toMillis()))
            .setTimeout(Math.toIntExact(RESPONSE_TIMEOUT.toMillis()))
            .setRetryAttempts(0)
            .setConnectionMinimumIdleSize(1)
            .setSubscriptionConnectionMinimumIdleSize(0)
            .setClientName("mosaic-gateway");
    settings.username().ifPresent(server::setUsername);
    settings.password().ifPresent(server::setPassword);
    return Redisson.create(config);
  }

  /** Closes {@code client} and stops its threads, waiting at most two seconds for them. */
  static void shutdown(RedissonClient client) {
    if (!client.isShuttingDown()) {
      client.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The port-level form of a Redisson failure while doing {@code what}. */
  static InfrastructureException translate(String what, RedisException failure) {
    boolean transientFailure =
        failure instanceof RedisConnectionException
            || failure instanceof RedisTimeoutException
            || failure instanceof RedisRetryException
            || failure instanceof RedisReconnectedException;
    return new InfrastructureException(
        "Valkey failed while " + what + ": " + failure.getMessage(), failure, transientFailure);
  }
}
