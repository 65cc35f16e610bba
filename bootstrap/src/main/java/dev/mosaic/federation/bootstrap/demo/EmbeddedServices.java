package dev.mosaic.federation.bootstrap.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import redis.embedded.RedisServer;

/**
 * The embedded tier's services (SPEC §3), from Maven jars: a real PostgreSQL (zonky's binaries; no
 * {@code vector}) and a real Redis server (no persistence: {@code save ""}, {@code appendonly no}),
 * both on 127.0.0.1 and both gone after {@link #close()}. PostgreSQL keeps its data in {@code
 * dir/postgres}; zonky caches its unpacked binaries in the system temp folder ({@code
 * embedded-pg/}) for the next start.
 */
final class EmbeddedServices implements AutoCloseable {
  static final String DATABASE_USER = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;

  private EmbeddedServices(EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
    this.postgres = postgres;
    this.redis = redis;
    this.redisPort = redisPort;
  }

  /** Starts both; when Redis fails, the started PostgreSQL is stopped again. */
  static EmbeddedServices start(Path dir) throws IOException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(20))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
    try {
      int port = freeLoopbackPort();
      RedisServer redis =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("save \"\"")
              .setting("appendonly no")
              .setting("dir " + dir)
              .onShutdownForceStop(true)
              .build();
      redis.start();
      return new EmbeddedServices(postgres, redis, port);
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  int postgresPort() {
    return postgres.getPort();
  }

  int redisPort() {
    return redisPort;
  }

  /** Creates an empty database and returns its JDBC URL (user {@value #DATABASE_USER}). */
  String createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
  }

  /** The server's version, e.g. {@code 14.22}. */
  String postgresVersion() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "?";
    }
  }

  /** Stops Redis and PostgreSQL (deleting its data directory); the first failure is thrown. */
  @Override
  public void close() throws IOException {
    try {
      redis.stop();
    } finally {
      postgres.close();
    }
  }

  /** A port nobody listens on right now (bound and released at once). */
  static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
