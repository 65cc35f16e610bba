package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gateway of a scenario: its name, its own database, its working folder and its configuration —
 * {@code MOSAIC_*} environment variables only. Runs {@code mosaic} commands against itself and
 * starts {@code gateway serve} processes; {@link #close()} stops them and drops the database
 * (unless the database is shared with another gateway, which then owns it).
 */
final class Gateway implements AutoCloseable {
  static final Pattern LISTENING = Pattern.compile("(?m)^listening on (https://\\S+)$");
  static final Pattern SESSION_API = Pattern.compile("(?m)^session API on (http://\\S+)$");
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final String LOCAL_HOST = "127.0.0.1";

  private final String name;
  private final GatewayDatabase database;
  private final boolean ownsDatabase;
  private final Path dir;
  private final Map<String, String> environment;
  private final String listenHost;
  private final int port;
  private final int localPort;
  private final List<MosaicProcess> processes = new ArrayList<>();

  private Gateway(
      String name,
      GatewayDatabase database,
      boolean ownsDatabase,
      Path dir,
      Map<String, String> environment,
      String listenHost,
      int port,
      int localPort) {
    this.name = name;
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.dir = dir;
    this.environment = environment;
    this.listenHost = listenHost;
    this.port = port;
    this.localPort = localPort;
  }

  /** Which certificate authority a gateway uses. */
  enum Ca {
    /** The embedded BouncyCastle CA, its files in the gateway's folder (or a shared one). */
    LOCAL,
    /** The real step-ca of docs/SERVICES.md. */
    STEPCA
  }

  static Builder named(String name) {
    return new Builder(name);
  }

  static final class Builder {
    private final String name;
    private String host = "127.0.0.1";
    private Ca ca = Ca.LOCAL;
    private Path dir;
    private Gateway sharingWith;
    private final Map<String, String> extra = new HashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** The loopback address the federation listener binds and the public URL names. */
    Builder host(String host) {
      this.host = host;
      return this;
    }

    Builder ca(Ca ca) {
      this.ca = ca;
      return this;
    }

    /** The gateway's working folder (its local CA, its output files). */
    Builder dir(Path dir) {
      this.dir = dir;
      return this;
    }

    /**
     * One more configuration variable, e.g. {@code MOSAIC_PKI_RENEW_BEFORE}; wins over defaults.
     */
    Builder env(String variable, String value) {
      extra.put(variable, value);
      return this;
    }

    /** A replica of {@code other}: same name, database, CA folder and sealing key, its own port. */
    Builder replicaOf(Gateway other) {
      this.sharingWith = other;
      return this;
    }

    /**
     * Creates the database (or reuses the replicated gateway's) and picks free ports: one for the
     * federation listener on the gateway's host, one for the session API on 127.0.0.1.
     */
    Gateway build() {
      if (dir == null) {
        throw new IllegalStateException("dir is required");
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int port = freePort(host);
      Map<String, String> env = new HashMap<>();
      GatewayDatabase database;
      if (sharingWith != null) {
        database = sharingWith.database;
        env.putAll(sharingWith.environment);
      } else {
        database = GatewayDatabase.create();
        env.put("MOSAIC_GATEWAY_NAME", name);
        env.put("MOSAIC_GATEWAY_TIER", "federated");
        env.put("MOSAIC_DATABASE_URL", database.url());
        env.put("MOSAIC_DATABASE_USER", TestServices.databaseUser());
        if (!TestServices.databasePassword().isEmpty()) {
          env.put("MOSAIC_DATABASE_PASSWORD", TestServices.databasePassword());
        }
        env.put("MOSAIC_VALKEY_URL", TestServices.valkeyUrl());
        env.put("MOSAIC_SECRETS_SEALING_KEY", randomSecret());
        // The scenarios enroll many times from one address; the limit itself is not under test.
        env.put("MOSAIC_LIMITS_ENROLLMENT_PER_MINUTE", "100000");
        switch (ca) {
          case LOCAL -> {
            env.put("MOSAIC_PKI_MODE", "local");
            env.put("MOSAIC_PKI_LOCAL_DIR", dir.resolve("pki").toString());
          }
          case STEPCA -> {
            env.put("MOSAIC_PKI_MODE", "stepca");
            env.put("MOSAIC_PKI_STEPCA_URL", TestServices.stepCaUrl());
            env.put("MOSAIC_PKI_STEPCA_ROOT_FILE", TestServices.stepCaRootFile().toString());
            env.put("MOSAIC_PKI_STEPCA_PROVISIONER", TestServices.stepCaProvisioner());
            env.put(
                "MOSAIC_PKI_STEPCA_PROVISIONER_KEY_FILE",
                TestServices.stepCaProvisionerKeyFile().toString());
            env.put(
                "MOSAIC_PKI_STEPCA_PASSWORD_FILE", TestServices.stepCaPasswordFile().toString());
          }
        }
      }
      int localPort = freePort(LOCAL_HOST);
      env.put("MOSAIC_FEDERATION_LISTEN", host + ":" + port);
      env.put("MOSAIC_FEDERATION_PUBLIC_URL", "https://" + host + ":" + port);
      env.put("MOSAIC_LOCAL_LISTEN", LOCAL_HOST + ":" + localPort);
      env.putAll(extra);
      return new Gateway(name, database, sharingWith == null, dir, env, host, port, localPort);
    }
  }

  String name() {
    return name;
  }

  GatewayDatabase database() {
    return database;
  }

  Path dir() {
    return dir;
  }

  /** The configuration variables the gateway's processes get. */
  Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /** The public base URL, e.g. {@code https://127.0.0.2:41234}. */
  URI publicUrl() {
    return URI.create("https://" + listenHost + ":" + port);
  }

  /**
   * The base URL of the session API, {@code /healthz} and {@code /metrics} ({@code local.listen}).
   */
  URI localUrl() {
    return URI.create("http://" + LOCAL_HOST + ":" + localPort);
  }

  /** Runs {@code mosaic args...} with this gateway's configuration. */
  Mosaic.Run mosaic(String... args) {
    return Mosaic.run(environment, dir, args);
  }

  /** Runs {@code mosaic args...} with extra or replaced configuration variables. */
  Mosaic.Run mosaicWith(Map<String, String> overrides, String... args) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(overrides);
    return Mosaic.run(env, dir, args);
  }

  /** Runs {@code mosaic args...} and asserts that it exits 0; returns its stdout. */
  String ok(String... args) {
    Mosaic.Run run = mosaic(args);
    assertThat(run.code()).as("mosaic %s\n%s", String.join(" ", args), run).isZero();
    return run.out();
  }

  /** {@code mosaic federation grant create}; returns the new grant's id. */
  String createGrant(String user, String peer, String scope) {
    return ok("federation", "grant", "create", "--user", user, "--peer", peer, "--scope", scope)
        .strip();
  }

  /**
   * {@code mosaic gateway serve}, waiting for its two lines {@code listening on https://host:port}
   * (the federation listener) and {@code session API on http://127.0.0.1:port} (the loopback one).
   */
  MosaicProcess serve() {
    return serve(Map.of());
  }

  /** {@code mosaic gateway serve} with extra configuration, e.g. {@code MOSAIC_LOG_LEVEL}. */
  MosaicProcess serve(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(overrides);
    MosaicProcess process = Mosaic.start(name + "-serve", env, dir, "gateway", "serve");
    processes.add(process);
    Matcher listening = process.awaitStdout(LISTENING, START_TIMEOUT);
    assertThat(URI.create(listening.group(1))).isEqualTo(publicUrl());
    Matcher sessionApi = process.awaitStdout(SESSION_API, START_TIMEOUT);
    assertThat(URI.create(sessionApi.group(1))).isEqualTo(localUrl());
    return process;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (MosaicProcess process : processes) {
      try {
        process.stop();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (ownsDatabase) {
      database.close();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
