package dev.mosaic.federation.adapters.cache;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;

/**
 * The {@code doctor} probe "valkey": the configured Valkey answers PING, and it keeps nothing on
 * disk (no RDB snapshots, no append-only file), because requesting-side data must never reach a
 * disk. Each step is bounded by the client's connect and response timeouts, so an unreachable
 * server is reported within about a second.
 *
 * <p>While this process rate limits with in-process buckets because Valkey failed ({@link
 * RateLimitFallback}), a reachable Valkey is reported as WARN and an unreachable one says so.
 */
final class ValkeyDependencyCheck implements DependencyCheck {
  private final RedissonClient client;
  private final ValkeySettings settings;
  private final RateLimitFallback fallback;

  @Inject
  ValkeyDependencyCheck(
      RedissonClient client, ValkeySettings settings, RateLimitFallback fallback) {
    this.client = client;
    this.settings = settings;
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return "valkey";
  }

  @Override
  public CheckResult check() {
    String where = "Valkey at " + settings.address();
    String save;
    String appendOnly;
    try {
      RedisNode server = client.getRedisNodes(RedisNodes.SINGLE).getInstance();
      if (!server.ping(RedissonClients.RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        return unreachable(where, "no answer to PING within " + RedissonClients.RESPONSE_TIMEOUT);
      }
      save = server.getConfig("save").get("save");
      appendOnly = server.getConfig("appendonly").get("appendonly");
    } catch (RedisException e) {
      return unreachable(where, reason(e));
    }
    if (save == null || appendOnly == null) {
      return CheckResult.fail(
          where + " answers PING but does not report its persistence settings",
          "allow CONFIG GET for the gateway's Valkey user, then check save and appendonly are off");
    }
    return persistenceProblem(save, appendOnly)
        .map(
            problem ->
                CheckResult.fail(
                    where + " persists to disk: " + problem,
                    "turn persistence off: CONFIG SET save '' and CONFIG SET appendonly no, and"
                        + " remove save/appendonly from the server's configuration file"))
        .orElseGet(
            () ->
                fallback
                    .since()
                    .map(
                        since ->
                            CheckResult.warn(
                                where
                                    + " answers PING; persistence off, but rate limiting is using"
                                    + " the in-process fallback since "
                                    + since,
                                "none needed if Valkey stays up: the shared buckets are used"
                                    + " again from the next request"))
                    .orElseGet(
                        () ->
                            CheckResult.ok(
                                where
                                    + " answers PING; persistence off (no save, no"
                                    + " appendonly)")));
  }

  /** What makes the server write to disk, given its {@code save} and {@code appendonly} values. */
  static Optional<String> persistenceProblem(String save, String appendOnly) {
    boolean snapshots = !save.isBlank();
    boolean appendOnlyFile = !"no".equalsIgnoreCase(appendOnly.strip());
    if (snapshots && appendOnlyFile) {
      return Optional.of("RDB snapshots (save '" + save + "') and appendonly " + appendOnly);
    }
    if (snapshots) {
      return Optional.of("RDB snapshots (save '" + save + "')");
    }
    if (appendOnlyFile) {
      return Optional.of("appendonly " + appendOnly);
    }
    return Optional.empty();
  }

  /** A short operator-facing reason, without vendor exception names. */
  private static String reason(RedisException e) {
    return switch (e) {
      case RedisConnectionException refused -> "cannot connect (refused or timed out)";
      case RedisTimeoutException slow -> "no answer within " + RedissonClients.RESPONSE_TIMEOUT;
      default -> "the server answered with an error";
    };
  }

  private CheckResult unreachable(String where, String reason) {
    return CheckResult.fail(
        where
            + " is unreachable: "
            + reason
            + fallback
                .since()
                .map(since -> "; rate limiting is using the in-process fallback since " + since)
                .orElse(""),
        "start it without persistence, e.g. valkey-server --port "
            + settings.address().getPort()
            + " --bind "
            + settings.address().getHost()
            + " --save '' --appendonly no --daemonize yes, or correct valkey.url");
  }
}
