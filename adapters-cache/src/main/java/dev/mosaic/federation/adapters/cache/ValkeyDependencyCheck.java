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
 * disk. Each step is bounded by the client's connect and response timeouts (a failed connect is
 * tried up to three times), so an unreachable server is reported within about two seconds.
 *
 * <p>An unreachable Valkey means rate limiting runs on the in-process fallback, per replica and not
 * shared: the check says so whichever process runs it (a separate {@code gateway doctor} cannot see
 * a running gateway's buckets, but the gateway falls back on the same condition). While this
 * process itself rate limits with in-process buckets ({@link RateLimitFallback}), a reachable
 * Valkey is reported as WARN and an unreachable one names when the fallback began.
 */
final class ValkeyDependencyCheck implements DependencyCheck {
  static final int CONNECT_ATTEMPTS = 3;

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
    Optional<Persistence> answered;
    try {
      answered = persistence();
    } catch (RedisException e) {
      return unreachable(where, reason(e));
    }
    if (answered.isEmpty()) {
      return unreachable(where, "no answer to PING within " + RedissonClients.RESPONSE_TIMEOUT);
    }
    String save = answered.get().save();
    String appendOnly = answered.get().appendOnly();
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

  /**
   * PING, tried up to {@link #CONNECT_ATTEMPTS} times while it cannot connect: the first connection
   * of a freshly started process (Netty still loading) can miss the 700 ms connect timeout on a
   * loaded machine, and {@code gateway serve} runs this check once at start. A refused connection
   * fails at once; three timed-out ones take about 2 s, inside the doctor's 5 s cap.
   */
  private static boolean ping(RedisNode server) {
    for (int attempt = 1; ; attempt++) {
      try {
        return server.ping(RedissonClients.RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RedisConnectionException e) {
        if (attempt == CONNECT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private record Persistence(String save, String appendOnly) {}

  /** PING, then the server's persistence settings; empty when PING is not answered. */
  private Optional<Persistence> persistence() {
    RedisNode server = client.getRedisNodes(RedisNodes.SINGLE).getInstance();
    if (!ping(server)) {
      return Optional.empty();
    }
    return Optional.of(
        new Persistence(
            server.getConfig("save").get("save"),
            server.getConfig("appendonly").get("appendonly")));
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
            + "; rate limiting runs on the in-process fallback: per replica, not shared (each"
            + " replica keeps its own bucket per grant, so n replicas admit up to n times a"
            + " grant's limit)"
            + fallback.since().map(since -> "; this process has used it since " + since).orElse(""),
        "start it without persistence, e.g. valkey-server --port "
            + settings.address().getPort()
            + " --bind "
            + settings.address().getHost()
            + " --save '' --appendonly no --daemonize yes, or correct valkey.url; running"
            + " replicas return to the shared buckets by themselves within "
            + FallbackRateLimiter.RETRY_SHARED.toSeconds()
            + " s after Valkey answers again, and gateway serve does not start until it answers");
  }
}
