package dev.mosaic.federation.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the real services are: each {@code MOSAIC_TEST_*} key from the environment, else from the
 * services file scripts/provision.sh writes (system property {@code mosaic.services.env}), else the
 * default of docs/SERVICES.md.
 */
final class TestServices {
  private TestServices() {}

  static String databaseUrl() {
    return setting("MOSAIC_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/mosaic_test");
  }

  static String databaseUser() {
    return setting("MOSAIC_TEST_DATABASE_USER", "postgres");
  }

  static String databasePassword() {
    return setting("MOSAIC_TEST_DATABASE_PASSWORD", "");
  }

  static String valkeyUrl() {
    return setting("MOSAIC_TEST_VALKEY_URL", "redis://127.0.0.1:6380");
  }

  static String stepCaUrl() {
    return setting("MOSAIC_TEST_STEPCA_URL", "https://127.0.0.1:9443");
  }

  static Path stepCaDir() {
    return Path.of(setting("MOSAIC_TEST_STEPCA_DIR", "/var/lib/mosaic-services/stepca"));
  }

  static Path stepCaRootFile() {
    return Path.of(
        setting(
            "MOSAIC_TEST_STEPCA_ROOT_CERT", stepCaDir().resolve("certs/root_ca.crt").toString()));
  }

  static String stepCaProvisioner() {
    return setting("MOSAIC_TEST_STEPCA_PROVISIONER", "mosaic");
  }

  static Path stepCaProvisionerKeyFile() {
    return Path.of(
        setting(
            "MOSAIC_TEST_STEPCA_PROVISIONER_KEY_FILE",
            stepCaDir().resolve("secrets/provisioner_key.jwe").toString()));
  }

  static Path stepCaPasswordFile() {
    return Path.of(
        setting(
            "MOSAIC_TEST_STEPCA_PASSWORD_FILE",
            stepCaDir().resolve("secrets/password").toString()));
  }

  private static String setting(String key, String fallback) {
    String fromEnvironment = System.getenv(key);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    String fromFile = servicesFile().get(key);
    return fromFile == null || fromFile.isBlank() ? fallback : fromFile;
  }

  private static Map<String, String> servicesFile() {
    String location = System.getProperty("mosaic.services.env");
    Map<String, String> entries = new HashMap<>();
    if (location == null || !Files.isReadable(Path.of(location))) {
      return entries;
    }
    try {
      for (String line : Files.readAllLines(Path.of(location))) {
        String trimmed = line.strip();
        if (trimmed.startsWith("export ")) {
          trimmed = trimmed.substring("export ".length()).strip();
        }
        int eq = trimmed.indexOf('=');
        if (trimmed.startsWith("#") || eq <= 0) {
          continue;
        }
        String value = trimmed.substring(eq + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        entries.put(trimmed.substring(0, eq).strip(), value);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }
}
