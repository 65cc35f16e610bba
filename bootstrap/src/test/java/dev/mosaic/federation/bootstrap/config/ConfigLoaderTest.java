package dev.mosaic.federation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final String SEALING_KEY = ConfigFixtures.SEALING_KEY;
  static final String FEDERATED_LOCAL_CA = ConfigFixtures.FEDERATED_LOCAL_CA;

  @TempDir Path dir;

  @Test
  void load_completeFederatedFile_appliesSpecDefaults() throws IOException {
    GatewayConfig config = load(FEDERATED_LOCAL_CA, Map.of());

    assertThat(config.gateway())
        .isEqualTo(new GatewayConfig.Gateway("work.example", Tier.FEDERATED));
    assertThat(config.federation().listen()).contains(new HostPort("0.0.0.0", 8443));
    assertThat(config.federation().publicUrl()).contains(URI.create("https://work.example:8443"));
    assertThat(config.local().listen()).contains(new HostPort("127.0.0.1", 8080));
    assertThat(config.database())
        .contains(
            new GatewayConfig.Database(
                "jdbc:postgresql://127.0.0.1:5432/mosaic", "postgres", Optional.empty()));
    assertThat(config.valkey().orElseThrow().address())
        .isEqualTo(URI.create("redis://127.0.0.1:6380"));
    assertThat(config.pki().authority())
        .contains(new GatewayConfig.LocalCa(Path.of("/var/lib/mosaic/ca")));
    assertThat(config.pki().oidArc()).isEqualTo("1.3.6.1.4.1.99999");
    assertThat(config.pki().certificateLifetime()).isEqualTo(Duration.ofDays(30));
    assertThat(config.pki().renewBefore()).isEqualTo(Duration.ofDays(7));
    assertThat(config.secrets().sealingKey()).contains(new Secret(SEALING_KEY));
    assertThat(config.limits()).isEqualTo(new GatewayConfig.Limits(120, 20, 10));
    assertThat(config.client())
        .isEqualTo(new GatewayConfig.Client(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    assertThat(config.cache().ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.tracing().otlpEndpoint()).isEmpty();
  }

  @Test
  void load_federatedWithoutDatabaseUrl_failsNamingTheKey() throws IOException {
    String yaml =
        FEDERATED_LOCAL_CA.replace("  url: jdbc:postgresql://127.0.0.1:5432/mosaic\n", "");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly("database.url: required");
  }

  @Test
  void load_emptyFederatedConfig_collectsEveryMissingKey() throws IOException {
    assertThatThrownBy(() -> load("gateway:\n  tier: federated\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactlyInAnyOrder(
            "gateway.name: required",
            "federation.listen: required",
            "federation.publicUrl: required",
            "local.listen: required",
            "database.url: required",
            "database.user: required",
            "valkey.url: required",
            "pki.mode: required",
            "secrets.sealingKey: required (or secrets.sealingKeyFile)");
  }

  @Test
  void load_embeddedTier_needsOnlyAName() throws IOException {
    GatewayConfig config = load("gateway:\n  name: home\n  tier: embedded\n", Map.of());

    assertThat(config.gateway().tier()).isEqualTo(Tier.EMBEDDED);
    assertThat(config.database()).isEmpty();
    assertThat(config.pki().authority()).isEmpty();
  }

  @Test
  void load_unknownPkiMode_failsListingTheAllowedValues() throws IOException {
    String yaml = FEDERATED_LOCAL_CA.replace("mode: local", "mode: foo");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly("pki.mode: must be one of local, stepca (was 'foo')");
  }

  @Test
  void load_badDuration_failsShowingTheExpectedForm() throws IOException {
    String yaml = FEDERATED_LOCAL_CA + "cache:\n  ttl: 30 seconds\n";

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly(
            "cache.ttl: expected a duration like 30s, 15m, 720h or 30d (was '30 seconds')");
  }

  @Test
  void load_durationsInEveryUnit_areParsed() throws IOException {
    String yaml =
        FEDERATED_LOCAL_CA
            + "cache:\n  ttl: 0\n"
            + "client:\n  connectTimeout: 1500ms\n  requestTimeout: 15m\n";
    Map<String, String> env =
        Map.of("MOSAIC_PKI_CERTIFICATE_LIFETIME", "720h", "MOSAIC_PKI_RENEW_BEFORE", "2d");

    GatewayConfig config = load(yaml, env);

    assertThat(config.cache().ttl()).isZero();
    assertThat(config.client().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.client().requestTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.pki().certificateLifetime()).isEqualTo(Duration.ofDays(30));
    assertThat(config.pki().renewBefore()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void load_renewBeforeNotShorterThanLifetime_fails() throws IOException {
    Map<String, String> env =
        Map.of("MOSAIC_PKI_CERTIFICATE_LIFETIME", "5d", "MOSAIC_PKI_RENEW_BEFORE", "7d");

    assertThatThrownBy(() -> load(FEDERATED_LOCAL_CA, env))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly(
            "pki.renewBefore: must be shorter than pki.certificateLifetime (was 7d, lifetime 5d)");
  }

  @Test
  void load_listenWithoutPort_failsExpectingHostPort() throws IOException {
    String yaml = FEDERATED_LOCAL_CA.replace("listen: 0.0.0.0:8443", "listen: work.example");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly("federation.listen: expected host:port (was 'work.example')");
  }

  @Test
  void load_localListenOnAllInterfaces_isRejected() throws IOException {
    String yaml = FEDERATED_LOCAL_CA.replace("listen: 127.0.0.1:8080", "listen: 0.0.0.0:8080");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly(
            "local.listen: must be a loopback address (127.0.0.1, ::1 or localhost) (was '0.0.0.0:8080')");
  }

  @Test
  void load_unknownKeys_areRejected() throws IOException {
    String yaml =
        FEDERATED_LOCAL_CA + "databse:\n  url: x\npki2: 1\ncache:\n  ttl: 1s\n  size: 10\n";

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactlyInAnyOrder(
            "databse: unknown key", "pki2: unknown key", "cache.size: unknown key");
  }

  @Test
  void load_environmentVariable_winsOverTheFile() throws IOException {
    Map<String, String> env =
        Map.of(
            "MOSAIC_DATABASE_URL", "jdbc:postgresql://db.internal:5433/work",
            "MOSAIC_LIMITS_DEFAULT_REQUESTS_PER_MINUTE", "600",
            "MOSAIC_GATEWAY_NAME", "override.example");

    GatewayConfig config = load(FEDERATED_LOCAL_CA, env);

    assertThat(config.database().orElseThrow().url())
        .isEqualTo("jdbc:postgresql://db.internal:5433/work");
    assertThat(config.limits().defaultRequestsPerMinute()).isEqualTo(600);
    assertThat(config.gateway().name()).isEqualTo("override.example");
  }

  @Test
  void load_invalidEnvironmentValue_namesTheVariable() throws IOException {
    assertThatThrownBy(() -> load(FEDERATED_LOCAL_CA, Map.of("MOSAIC_LIMITS_DEFAULT_BURST", "-3")))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly(
            "limits.defaultBurst: expected a whole number greater than 0 (was '-3', from MOSAIC_LIMITS_DEFAULT_BURST)");
  }

  @Test
  void load_withoutFile_isConfiguredFromTheEnvironmentAlone() {
    GatewayConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of("MOSAIC_GATEWAY_NAME", "home", "MOSAIC_GATEWAY_TIER", "embedded"));

    assertThat(config.gateway()).isEqualTo(new GatewayConfig.Gateway("home", Tier.EMBEDDED));
  }

  @Test
  void toString_ofConfigWithSecrets_neverShowsThem() throws IOException {
    Map<String, String> env =
        Map.of(
            "MOSAIC_DATABASE_PASSWORD", "pg-password-123",
            "MOSAIC_VALKEY_URL", "redis://mosaic:valkey-password-456@127.0.0.1:6380/2");

    GatewayConfig config = load(FEDERATED_LOCAL_CA, env);

    assertThat(config.toString())
        .doesNotContain(SEALING_KEY, "pg-password-123", "valkey-password-456")
        .contains("redacted");
    assertThat(config.database().orElseThrow().password()).contains(new Secret("pg-password-123"));
    assertThat(config.valkey().orElseThrow().password())
        .contains(new Secret("valkey-password-456"));
    assertThat(config.valkey().orElseThrow().database()).isEqualTo(2);
  }

  @Test
  void load_tooShortSealingKey_failsWithoutEchoingIt() throws IOException {
    String yaml = FEDERATED_LOCAL_CA.replace(SEALING_KEY, "hunter2-secret");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("secrets.sealingKey: the sealing key must be at least 32 characters")
        .hasMessageNotContaining("hunter2-secret");
  }

  @Test
  void load_sealingKeyFile_readsTheTrimmedKey() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("sealing.key"), SEALING_KEY + "\n");
    String yaml =
        FEDERATED_LOCAL_CA.replace("sealingKey: " + SEALING_KEY, "sealingKeyFile: " + keyFile);

    assertThat(load(yaml, Map.of()).secrets().sealingKey()).contains(new Secret(SEALING_KEY));
  }

  @Test
  void load_bothSealingKeyAndFile_isRejected() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("sealing.key"), SEALING_KEY);

    assertThatThrownBy(
            () ->
                load(
                    FEDERATED_LOCAL_CA,
                    Map.of("MOSAIC_SECRETS_SEALING_KEY_FILE", keyFile.toString())))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly(
            "secrets.sealingKey: set either secrets.sealingKey or secrets.sealingKeyFile, not both");
  }

  @Test
  void load_stepCaMode_needsItsKeysAndExistingFiles() throws IOException {
    String yaml =
        FEDERATED_LOCAL_CA
            .replace("mode: local", "mode: stepca")
            .replace(
                "  local:\n    dir: /var/lib/mosaic/ca\n",
                "  stepca:\n    url: https://127.0.0.1:9443\n    rootFile: "
                    + dir.resolve("missing.crt")
                    + "\n");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactlyInAnyOrder(
            "pki.stepca.rootFile: no such file " + dir.resolve("missing.crt"),
            "pki.stepca.provisioner: required when pki.mode is stepca",
            "pki.stepca.provisionerKeyFile: required when pki.mode is stepca",
            "pki.stepca.passwordFile: required when pki.mode is stepca");
  }

  @Test
  void load_stepCaModeWithAllKeys_buildsTheStepCaSettings() throws IOException {
    Path root = Files.writeString(dir.resolve("root_ca.crt"), "PEM");
    Path key = Files.writeString(dir.resolve("provisioner.json"), "{}");
    Path password = Files.writeString(dir.resolve("password.txt"), "pw");
    Map<String, String> env =
        Map.of(
            "MOSAIC_PKI_MODE",
            "stepca",
            "MOSAIC_PKI_STEPCA_URL",
            "https://127.0.0.1:9443",
            "MOSAIC_PKI_STEPCA_ROOT_FILE",
            root.toString(),
            "MOSAIC_PKI_STEPCA_PROVISIONER",
            "mosaic",
            "MOSAIC_PKI_STEPCA_PROVISIONER_KEY_FILE",
            key.toString(),
            "MOSAIC_PKI_STEPCA_PASSWORD_FILE",
            password.toString());

    GatewayConfig config = load(FEDERATED_LOCAL_CA, env);

    assertThat(config.pki().authority())
        .contains(
            new GatewayConfig.StepCa(
                URI.create("https://127.0.0.1:9443"), root, "mosaic", key, password));
    assertThat(config.pki().mode()).contains(PkiMode.STEPCA);
  }

  @Test
  void load_malformedYaml_failsWithOneLineNamingThePosition() throws IOException {
    assertThatThrownBy(() -> load("gateway:\n  name: [unclosed\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid YAML at line")
        .hasMessageNotContaining("\n");
  }

  @Test
  void load_missingFile_failsSayingNotFound() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of()))
        .hasMessage("invalid configuration: config file " + missing + ": not found");
  }

  @Test
  void load_valueWhereASectionBelongs_isRejected() throws IOException {
    String yaml = FEDERATED_LOCAL_CA.replace("local:\n  listen: 127.0.0.1:8080\n", "local: 8080\n");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactlyInAnyOrder(
            "local: expected a mapping of keys, not a single value", "local.listen: required");
  }

  @Test
  void load_blankRequiredValue_countsAsMissing() throws IOException {
    String yaml =
        FEDERATED_LOCAL_CA.replace("url: jdbc:postgresql://127.0.0.1:5432/mosaic", "url: \"\"");

    assertThatThrownBy(() -> load(yaml, Map.of()))
        .extracting(e -> ((ConfigException) e).problems(), LIST)
        .containsExactly("database.url: required");
  }

  private GatewayConfig load(String yaml, Map<String, String> env) throws IOException {
    Path file = Files.writeString(dir.resolve("mosaic.yaml"), yaml);
    return ConfigLoader.load(Optional.of(file), env);
  }
}
