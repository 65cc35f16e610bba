package dev.mosaic.federation.domain.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTest {
  private final Instant later = Times.T0.plusSeconds(60);
  private final Link link = LinkFixtures.aLink().build();

  private static Link applied(LinkTransition t) {
    assertThat(t).isInstanceOf(LinkTransition.Applied.class);
    return ((LinkTransition.Applied) t).link();
  }

  @Test
  void create_isActive() {
    assertThat(link.state()).isEqualTo(LinkState.ACTIVE);
    assertThat(link.stateReason()).isEmpty();
  }

  @Test
  void degrade_thenRecover_returnsToActive() {
    Link degraded = applied(link.degrade("renewal failed: timeout", later));
    assertThat(degraded.state()).isEqualTo(LinkState.DEGRADED);
    assertThat(degraded.stateReason()).contains("renewal failed: timeout");

    Link recovered = applied(degraded.recover(later));
    assertThat(recovered.state()).isEqualTo(LinkState.ACTIVE);
    assertThat(recovered.stateReason()).isEmpty();
  }

  @Test
  void replaceCertificate_whenDegraded_activatesWithNewCertificate() {
    LinkCertificate fresh = LinkFixtures.aLinkCertificate(later);
    Link degraded = applied(link.degrade("x", later));

    Link renewed = applied(degraded.replaceCertificate(fresh, later));

    assertThat(renewed.certificate()).isEqualTo(fresh);
    assertThat(renewed.state()).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void revoked_isTerminal() {
    Link revoked = applied(link.revoke("grant_revoked", later));

    assertThat(revoked.recover(later))
        .isEqualTo(
            new LinkTransition.Rejected(
                new IllegalLinkTransition(LinkState.REVOKED, LinkState.ACTIVE)));
    assertThat(revoked.degrade("x", later)).isInstanceOf(LinkTransition.Rejected.class);
    assertThat(revoked.revoke("x", later)).isInstanceOf(LinkTransition.Rejected.class);
    assertThat(revoked.replaceCertificate(LinkFixtures.aLinkCertificate(later), later))
        .isInstanceOf(LinkTransition.Rejected.class);
  }
}
