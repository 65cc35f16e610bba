package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.bootstrap.cli.CliContext;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wiring ({@link GatewayComponent}) against the real services: {@code gateway migrate}
 * brings a fresh database to the latest schema, then {@code gateway doctor} is green; with Valkey
 * unreachable it names Valkey with a remedy and exits non-zero well within the cap. Needs
 * PostgreSQL (with pgvector), Valkey and step-ca (scripts/provision.sh); fails when they are
 * missing.
 */
class GatewayComponentTest {

  static final String DATABASE = "mosaic_bootstrap_test";

  static final String DATABASE_URL =
      env("MOSAIC_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/mosaic_test");
  static final String DATABASE_USER = env("MOSAIC_TEST_DATABASE_USER", "postgres");
  static final String DATABASE_PASSWORD = env("MOSAIC_TEST_DATABASE_PASSWORD", "");
  static final String VALKEY_URL = env("MOSAIC_TEST_VALKEY_URL", "redis://127.0.0.1:6380");
  static final String STEPCA_URL = env("MOSAIC_TEST_STEPCA_URL", "https://127.0.0.1:9443");
  static final Path STEPCA_DIR =
      Path.of(env("MOSAIC_TEST_STEPCA_DIR", "/var/lib/mosaic-services/stepca"));
  static final String STEPCA_ROOT =
      env("MOSAIC_TEST_STEPCA_ROOT_CERT", STEPCA_DIR.resolve("certs/root_ca.crt").toString());
  static final String STEPCA_PROVISIONER = env("MOSAIC_TEST_STEPCA_PROVISIONER", "mosaic");
  static final String STEPCA_KEY =
      env(
          "MOSAIC_TEST_STEPCA_PROVISIONER_KEY_FILE",
          STEPCA_DIR.resolve("secrets/provisioner_key.jwe").toString());
  static final String STEPCA_PASSWORD =
      env("MOSAIC_TEST_STEPCA_PASSWORD_FILE", STEPCA_DIR.resolve("secrets/password").toString());

  @TempDir static Path dir;
  static Path config;

  @BeforeAll
  static void freshDatabaseAndConfig() throws Exception {
    try (Connection c =
            DriverManager.getConnection(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL at " + DATABASE_URL + " is needed (run scripts/provision.sh): " + e, e);
    }
    Path sealingKey = Files.writeString(dir.resolve("sealing.key"), "k".repeat(44));
    config =
        Files.writeString(
            dir.resolve("mosaic.yaml"),
            """
            gateway:
              name: work.example
            federation:
              listen: 127.0.0.1:0
              publicUrl: https://work.example:8443
            local:
              listen: 127.0.0.1:0
            database:
              url: %s
              user: %s
            valkey:
              url: %s
            pki:
              mode: stepca
              stepca:
                url: %s
                rootFile: %s
                provisioner: %s
                provisionerKeyFile: %s
                passwordFile: %s
            secrets:
              sealingKeyFile: %s
            """
                .formatted(
                    DATABASE_URL.replaceFirst("/[^/?]*(\\?.*)?$", "/" + DATABASE + "$1"),
                    DATABASE_USER,
                    VALKEY_URL,
                    STEPCA_URL,
                    STEPCA_ROOT,
                    STEPCA_PROVISIONER,
                    STEPCA_KEY,
                    STEPCA_PASSWORD,
                    sealingKey));
  }

  @Test
  void migrateThenDoctor_withServicesUp_isGreen() {
    Map<String, String> env = passwordEnv();

    Run migrate = run(env, "gateway", "migrate", "--config", config.toString());
    Run again = run(env, "gateway", "migrate", "--config", config.toString());
    Run doctor = run(env, "gateway", "doctor", "--config", config.toString());

    assertThat(migrate.code).as(migrate.err).isZero();
    assertThat(migrate.out).startsWith("applied ").contains(DATABASE);
    assertThat(again.out).contains("is up to date at schema version").doesNotContain("(empty)");
    assertThat(doctor.code).as(doctor.out + doctor.err).isZero();
    assertThat(doctor.out.lines().map(l -> l.split("\\s+")[0] + " " + l.split("\\s+")[1]))
        .containsExactly(
            "OK ca",
            "OK clock",
            "OK database",
            "OK migrations",
            "OK valkey",
            "OK vector",
            "tier federated");
  }

  @Test
  void doctor_withValkeyUnreachable_namesValkeyWithRemedyQuickly() throws Exception {
    Map<String, String> env = passwordEnv();
    env.put("MOSAIC_VALKEY_URL", "redis://127.0.0.1:" + closedPort());

    long started = System.nanoTime();
    Run doctor = run(env, "gateway", "doctor", "--config", config.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(doctor.code).isEqualTo(1);
    assertThat(doctor.out).containsPattern("(?m)^FAIL valkey .*— remedy: .*valkey-server");
    assertThat(took).as("each check capped, never hung").isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void localListener_servesHealthzAndPrometheusMetricsIncludingTheHandlerCounter()
      throws Exception {
    Map<String, String> env = passwordEnv();
    GatewayConfig loaded = ConfigLoader.load(Optional.of(config), env);
    try (GatewayComponent gateway = GatewayComponent.create(loaded);
        LocalListener listener = gateway.localListener();
        HttpClient http = HttpClient.newHttpClient()) {
      int port = listener.start();
      gateway.federationListener();
      HttpResponse<String> health = get(http, port, "/healthz");
      HttpResponse<String> metrics = get(http, port, "/metrics");

      assertThat(port).isPositive();
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("jvm_memory_used_bytes")
          .contains("process_uptime")
          .contains("mosaic_federation_requests_handled_total 0.0")
          .contains("mosaic_ratelimit_fallback_total 0.0")
          .contains("mosaic_ratelimit_fallback_active 0.0");
    }
  }

  static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  record Run(int code, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new CliContext(
                env, new PrintWriter(out), new PrintWriter(err), GatewayComponent::create));
    return new Run(code, out.toString(), err.toString());
  }

  static Map<String, String> passwordEnv() {
    Map<String, String> env = new HashMap<>();
    if (!DATABASE_PASSWORD.isEmpty()) {
      env.put("MOSAIC_DATABASE_PASSWORD", DATABASE_PASSWORD);
    }
    return env;
  }

  static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
