package dev.mosaic.federation.adapters.pki;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real step-ca the integration tests use: {@code MOSAIC_TEST_STEPCA_URL} (default {@code
 * https://127.0.0.1:9443}) with its state in {@code MOSAIC_TEST_STEPCA_DIR} (default {@code
 * /var/lib/mosaic-services/stepca}), read from the environment or else from the services file named
 * by the {@code mosaic.services.env} system property. A missing CA fails the test.
 */
final class TestStepCa {

  static final String PROVISIONER = "mosaic";

  private TestStepCa() {}

  static URI url() {
    return URI.create(setting("MOSAIC_TEST_STEPCA_URL", "https://127.0.0.1:9443"));
  }

  static Path dir() {
    return Path.of(setting("MOSAIC_TEST_STEPCA_DIR", "/var/lib/mosaic-services/stepca"));
  }

  static Path rootFile() {
    return Path.of(
        setting("MOSAIC_TEST_STEPCA_ROOT_CERT", dir().resolve("certs/root_ca.crt").toString()));
  }

  static Path intermediateFile() {
    return dir().resolve("certs/intermediate_ca.crt");
  }

  static Path provisionerKeyFile() {
    return Path.of(
        setting(
            "MOSAIC_TEST_STEPCA_PROVISIONER_KEY_FILE",
            dir().resolve("secrets/provisioner_key.jwe").toString()));
  }

  static Path passwordFile() {
    return Path.of(
        setting("MOSAIC_TEST_STEPCA_PASSWORD_FILE", dir().resolve("secrets/password").toString()));
  }

  static Path provisionerKidFile() {
    return dir().resolve("secrets/provisioner_kid");
  }

  static StepCaSettings settings() {
    return new StepCaSettings(
        url(),
        rootFile(),
        setting("MOSAIC_TEST_STEPCA_PROVISIONER", PROVISIONER),
        provisionerKeyFile(),
        passwordFile());
  }

  /** Step-CA mode with the given arc, certificates of one hour, B at {@code publicUrl}. */
  static PkiSettings pkiSettings(String oidArc, URI publicUrl) {
    return new PkiSettings(
        PkiSettings.Mode.STEPCA,
        Optional.empty(),
        Optional.of(settings()),
        oidArc,
        Duration.ofHours(1),
        publicUrl,
        Optional.empty());
  }

  static PkiSettings pkiSettings() {
    return pkiSettings(MosaicExtensions.DEFAULT_ARC, URI.create("https://127.0.0.1:8443"));
  }

  /** The adapter against the real step-ca, on the real clock (step-ca checks tokens by it). */
  static StepCaCertificateAuthority authority(String oidArc) {
    return PkiModule.stepCaCertificateAuthority(
        pkiSettings(oidArc, URI.create("https://127.0.0.1:8443")),
        InstantSource.system(),
        new SecureRandom());
  }

  /** Fails (never skips) with what to do when the CA or its files are missing. */
  static void requireRunning() {
    for (Path file : new Path[] {rootFile(), provisionerKeyFile(), passwordFile()}) {
      if (!Files.isReadable(file)) {
        throw new AssertionError(
            "step-ca state file "
                + file
                + " is missing: run scripts/provision.sh"
                + " (or set MOSAIC_TEST_STEPCA_DIR)");
      }
    }
    URI url = url();
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2_000);
    } catch (IOException e) {
      throw new AssertionError(
          "step-ca is not listening at "
              + url
              + ": run scripts/provision.sh"
              + " (or set MOSAIC_TEST_STEPCA_URL)",
          e);
    }
  }

  /** An https URL on a loopback port where nothing listens. */
  static URI closedPortUrl() {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("https://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String setting(String key, String fallback) {
    String fromEnvironment = System.getenv(key);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    String fromFile = servicesFile().get(key);
    return fromFile != null && !fromFile.isBlank() ? fromFile : fallback;
  }

  private static Map<String, String> servicesFile() {
    String location = System.getProperty("mosaic.services.env");
    var entries = new HashMap<String, String>();
    if (location == null || !Files.isReadable(Path.of(location))) {
      return entries;
    }
    try {
      for (String line : Files.readAllLines(Path.of(location))) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (!trimmed.startsWith("#") && eq > 0) {
          entries.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + location, e);
    }
    return entries;
  }
}
