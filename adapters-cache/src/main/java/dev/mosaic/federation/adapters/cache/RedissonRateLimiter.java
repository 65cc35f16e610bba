package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.application.port.out.RateLimiter;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.scope.RateLimit;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * The per-grant token bucket in Valkey, so every replica draws from the same bucket.
 *
 * <p>One Lua script decides and updates atomically on the server. It keeps the bucket in its GCRA
 * form: a single number, the "theoretical arrival time" (TAT) after which the bucket is full again.
 * Taking a token moves the TAT one refill interval later; that is allowed while the TAT stays
 * within {@code burst} intervals of now, which is exactly a bucket of capacity {@code burst}
 * refilled one token per interval. When refused, the wait is the time until the next token. The key
 * expires when the bucket is full again, so idle buckets vanish and a missing key means full.
 *
 * <p>Now is the Valkey server's {@code TIME}, the one clock every replica shares, unless a clock is
 * given ({@link #withClock}), which tests use to drive time.
 *
 * <p>Redisson's own {@code RRateLimiter} is not used: it is a sliding window that stores a permit
 * record per acquisition, has no separate burst capacity, and cannot say when the next permit
 * comes, which {@code Retry-After} needs.
 */
final class RedissonRateLimiter implements RateLimiter {
  static final String KEY_PREFIX = "mosaic:ratelimit:";

  private static final long MICROS_PER_MINUTE = 60_000_000L;

  /**
   * KEYS[1]: the grant's bucket (its TAT in microseconds); ARGV[1]: microseconds per token;
   * ARGV[2]: burst; ARGV[3]: now in microseconds, absent to use the server's clock. Returns 0 when
   * a token was taken, otherwise the microseconds until the next token.
   */
  private static final String TAKE_TOKEN =
      """
      local interval = tonumber(ARGV[1])
      local capacity = tonumber(ARGV[2]) * interval
      local now
      if ARGV[3] then
        now = tonumber(ARGV[3])
      else
        local time = redis.call('TIME')
        now = tonumber(time[1]) * 1000000 + tonumber(time[2])
      end
      local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), now)
      local next_tat = tat + interval
      local wait = next_tat - capacity - now
      if wait > 0 then
        return wait
      end
      redis.call('SET', KEYS[1], next_tat, 'PX', math.ceil((next_tat - now) / 1000))
      return 0
      """;

  private final RScript script;
  private final InstantSource clock;

  @Inject
  RedissonRateLimiter(RedissonClient client) {
    this(client, null);
  }

  private RedissonRateLimiter(RedissonClient client, InstantSource clock) {
    this.script = client.getScript();
    this.clock = clock;
  }

  /** A limiter that reads now from {@code clock} instead of the server. */
  static RedissonRateLimiter withClock(RedissonClient client, InstantSource clock) {
    return new RedissonRateLimiter(client, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public RateLimitDecision tryAcquire(GrantId grant, RateLimit limit) {
    List<Object> keys = List.of(KEY_PREFIX + grant.value());
    String interval =
        Long.toString(Math.ceilDiv(MICROS_PER_MINUTE, (long) limit.requestsPerMinute()));
    String burst = Integer.toString(limit.burst());
    Object[] arguments =
        clock == null
            ? new Object[] {interval, burst}
            : new Object[] {interval, burst, Long.toString(micros(clock.instant()))};
    Long waitMicros;
    try {
      waitMicros =
          script.eval(
              RScript.Mode.READ_WRITE, TAKE_TOKEN, RScript.ReturnType.LONG, keys, arguments);
    } catch (RedisException e) {
      throw RedissonClients.translate("taking a rate-limit token for grant " + grant, e);
    }
    return waitMicros == 0
        ? new RateLimitDecision.Acquired()
        : new RateLimitDecision.Limited(Duration.of(waitMicros, ChronoUnit.MICROS));
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
