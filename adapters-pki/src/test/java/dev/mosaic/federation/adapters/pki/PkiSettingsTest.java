package dev.mosaic.federation.adapters.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PkiSettingsTest {

  private static final URI PUBLIC_URL = URI.create("https://b.example:8443");

  @Test
  void localMode_withADirectory_isAccepted() {
    var settings = TestLocalCa.settings(Path.of("/var/lib/mosaic/ca"), PUBLIC_URL);

    assertThat(settings.mode()).isEqualTo(PkiSettings.Mode.LOCAL);
    assertThat(PkiSettings.DEFAULT_OID_ARC).isEqualTo("1.3.6.1.4.1.99999");
  }

  @Test
  void localModeWithoutDirectory_isRefusedNamingTheKey() {
    assertRefused(
        PkiSettings.Mode.LOCAL,
        Optional.empty(),
        PkiSettings.DEFAULT_OID_ARC,
        Duration.ofDays(30),
        PUBLIC_URL,
        "pki.local.dir: required when pki.mode is local");
  }

  @Test
  void stepCaModeWithoutStepCaSettings_isRefusedNamingTheKeys() {
    assertRefused(
        PkiSettings.Mode.STEPCA,
        Optional.of(Path.of("/tmp")),
        PkiSettings.DEFAULT_OID_ARC,
        Duration.ofDays(30),
        PUBLIC_URL,
        "pki.stepca.*");
  }

  @Test
  void badOidArc_isRefusedNamingTheKey() {
    for (String arc : new String[] {"not-an-oid", "1", "3.1", "1.02", "1.3.", ""}) {
      assertRefused(
          PkiSettings.Mode.LOCAL,
          Optional.of(Path.of("/tmp")),
          arc,
          Duration.ofDays(30),
          PUBLIC_URL,
          "pki.oidArc");
    }
  }

  @Test
  void lifetimeUnderAMinute_isRefusedNamingTheKey() {
    assertRefused(
        PkiSettings.Mode.LOCAL,
        Optional.of(Path.of("/tmp")),
        PkiSettings.DEFAULT_OID_ARC,
        Duration.ofSeconds(59),
        PUBLIC_URL,
        "pki.certificateLifetime");
  }

  @Test
  void publicUrlWithoutHost_isRefusedNamingTheKey() {
    assertRefused(
        PkiSettings.Mode.LOCAL,
        Optional.of(Path.of("/tmp")),
        PkiSettings.DEFAULT_OID_ARC,
        Duration.ofDays(30),
        URI.create("https:///nowhere"),
        "federation.publicUrl");
  }

  @Test
  void stepCaUrl_mustBeHttps() {
    assertThatThrownBy(
            () ->
                new StepCaSettings(
                    URI.create("http://127.0.0.1:9443"),
                    Path.of("root.crt"),
                    "mosaic",
                    Path.of("key"),
                    Path.of("password")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pki.stepca.url");
  }

  private static void assertRefused(
      PkiSettings.Mode mode,
      Optional<Path> dir,
      String arc,
      Duration lifetime,
      URI publicUrl,
      String message) {
    assertThatThrownBy(
            () ->
                new PkiSettings(
                    mode, dir, Optional.empty(), arc, lifetime, publicUrl, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
