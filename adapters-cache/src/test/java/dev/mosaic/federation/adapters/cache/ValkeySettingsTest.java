package dev.mosaic.federation.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValkeySettingsTest {

  @Test
  void new_withHostAndPort_isAccepted() {
    var settings =
        new ValkeySettings(
            URI.create("rediss://valkey.internal:6380"),
            2,
            Optional.of("mosaic"),
            Optional.empty());

    assertThat(settings.address()).hasHost("valkey.internal").hasPort(6380);
    assertThat(settings.database()).isEqualTo(2);
  }

  @Test
  void new_withOtherScheme_isRejectedNamingTheKey() {
    assertThatThrownBy(() -> ValkeySettings.of(URI.create("http://127.0.0.1:6380")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("valkey.url");
  }

  @Test
  void new_withoutPortOrWithPathOrCredentials_isRejected() {
    for (String address :
        new String[] {
          "redis://127.0.0.1", "redis://127.0.0.1:6380/0", "redis://user:secret@127.0.0.1:6380"
        }) {
      assertThatThrownBy(() -> ValkeySettings.of(URI.create(address)))
          .as(address)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("host:port alone");
    }
  }

  @Test
  void new_withNegativeDatabase_isRejected() {
    assertThatThrownBy(
            () ->
                new ValkeySettings(
                    URI.create("redis://127.0.0.1:6380"), -1, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database");
  }

  @Test
  void toString_withPassword_hidesIt() {
    var settings =
        new ValkeySettings(
            URI.create("redis://127.0.0.1:6380"), 0, Optional.empty(), Optional.of("hunter2"));

    assertThat(settings.toString()).doesNotContain("hunter2").contains("***");
  }
}
