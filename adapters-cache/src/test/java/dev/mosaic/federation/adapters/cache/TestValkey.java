package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;

/**
 * The real Valkey the tests run against: {@code MOSAIC_TEST_VALKEY_URL} from the environment, else
 * from the services file {@code scripts/provision.sh} writes (system property {@code
 * mosaic.services.env}), else {@code redis://127.0.0.1:6380}. A server that does not answer fails
 * the test with a message saying what to do; nothing is skipped.
 */
public final class TestValkey {
  private static final String URL_KEY = "MOSAIC_TEST_VALKEY_URL";
  private static final Duration FIRST_ANSWER_WITHIN = Duration.ofSeconds(10);

  private TestValkey() {}

  /** The settings of the test server, from {@code redis://[user:password@]host:port[/db]}. */
  public static ValkeySettings settings() {
    URI url = URI.create(setting(URL_KEY, "redis://127.0.0.1:6380"));
    String path = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
    Optional<String> userInfo = Optional.ofNullable(url.getUserInfo());
    return new ValkeySettings(
        URI.create(url.getScheme() + "://" + url.getHost() + ":" + url.getPort()),
        path.isEmpty() ? 0 : Integer.parseInt(path),
        userInfo.map(info -> info.split(":", 2)[0]).filter(user -> !user.isEmpty()),
        userInfo.filter(info -> info.contains(":")).map(info -> info.split(":", 2)[1]));
  }

  /**
   * A new client (one "replica") of the test server, checked to answer; the caller shuts it down.
   */
  static RedissonClient client() {
    ValkeySettings settings = settings();
    RedissonClient client = RedissonClients.create(settings);
    // A new client's first connection can take longer than the response timeout on a loaded
    // machine (event loops starting, classes loading): keep asking until a deadline.
    long deadline = System.nanoTime() + FIRST_ANSWER_WITHIN.toNanos();
    while (true) {
      try {
        if (client.getRedisNodes(RedisNodes.SINGLE).getInstance().ping()) {
          return client;
        }
      } catch (RedisException e) {
        if (System.nanoTime() < deadline) {
          continue;
        }
        RedissonClients.shutdown(client);
        fail(
            "No Valkey answers at %s within %s (set %s to change it): run scripts/provision.sh,"
                + " or start one with `valkey-server --port 6380 --bind 127.0.0.1 --save ''"
                + " --appendonly no --daemonize yes`. Cause: %s",
            settings.address(), FIRST_ANSWER_WITHIN, URL_KEY, e.getMessage());
      }
      if (System.nanoTime() >= deadline) {
        RedissonClients.shutdown(client);
        fail("Valkey at %s does not answer PING with PONG", settings.address());
      }
    }
  }

  /** A loopback address where nothing listens (a port that was free a moment ago). */
  static URI unusedAddress() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("redis://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private static String setting(String key, String fallback) {
    String fromEnvironment = System.getenv(key);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return servicesFile().map(entries -> entries.get(key)).orElse(fallback);
  }

  private static Optional<Map<String, String>> servicesFile() {
    String location = System.getProperty("mosaic.services.env");
    if (location == null || !Files.isReadable(Path.of(location))) {
      return Optional.empty();
    }
    try (var lines = Files.lines(Path.of(location))) {
      return Optional.of(
          lines
              .filter(line -> line.contains("=") && !line.startsWith("#"))
              .map(line -> line.split("=", 2))
              .collect(Collectors.toMap(kv -> kv[0].strip(), kv -> kv[1].strip(), (a, b) -> b)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
