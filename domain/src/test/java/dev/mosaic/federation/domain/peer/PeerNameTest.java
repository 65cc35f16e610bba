package dev.mosaic.federation.domain.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerNameTest {
  @Test
  void parse_hostName_isLowercased() {
    assertThat(PeerName.parse(" Home.Example ").value()).isEqualTo("home.example");
    assertThat(PeerName.parse("gw-1").value()).isEqualTo("gw-1");
  }

  @Test
  void parse_invalid_isRefusedWithMessage() {
    for (String bad :
        new String[] {"", "-home", "home-", "a..b", "home_gw", "a b", "x".repeat(64)}) {
      assertThat(PeerName.tryParse(bad)).as(bad).isEmpty();
      assertThat(PeerName.problemWith(bad)).as(bad).isPresent();
    }
    assertThatThrownBy(() -> PeerName.parse("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad name");
  }

  @Test
  void activate_pendingPeer_becomesActiveAndIsIdempotent() {
    Peer peer =
        Peer.create(
            new PeerId(java.util.UUID.randomUUID()),
            PeerName.parse("home.example"),
            java.time.Instant.EPOCH);
    assertThat(peer.status()).isEqualTo(PeerStatus.PENDING);
    Peer active = peer.activate();
    assertThat(active.status()).isEqualTo(PeerStatus.ACTIVE);
    assertThat(active.activate()).isSameAs(active);
  }
}
