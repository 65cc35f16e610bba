package dev.mosaic.federation.domain.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinnedCertificatesTest {
  private final PinnedCertificate a = CertificateFixtures.aPin();
  private final PinnedCertificate b = CertificateFixtures.aPin();
  private final PinnedCertificate c = CertificateFixtures.aPin();

  @Test
  void renew_repeatedly_keepsAtMostTwo() {
    PinnedCertificates pins =
        PinnedCertificates.none().enroll(a).renew(b, a.fingerprint()).renew(c, b.fingerprint());

    assertThat(pins.all()).containsExactly(c, b);
  }

  @Test
  void renew_keepsThePresentingCertificate_evenWhenItWasThePrevious() {
    PinnedCertificates pins =
        PinnedCertificates.none().enroll(a).renew(b, a.fingerprint()).renew(c, a.fingerprint());

    assertThat(pins.all()).containsExactly(c, a);
    assertThat(pins.isPinned(b.fingerprint(), Times.T0)).isFalse();
  }

  @Test
  void renew_presentedByAnUnpinnedCertificate_isRefused() {
    PinnedCertificates pins = PinnedCertificates.none().enroll(a);

    assertThatThrownBy(() -> pins.renew(c, b.fingerprint()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enroll_afterRenewals_replacesTheSet() {
    PinnedCertificates pins =
        PinnedCertificates.none().enroll(a).renew(b, a.fingerprint()).enroll(c);

    assertThat(pins.all()).containsExactly(c);
    assertThat(pins.isPinned(a.fingerprint(), Times.T0)).isFalse();
    assertThat(pins.isPinned(b.fingerprint(), Times.T0)).isFalse();
  }

  @Test
  void isPinned_previous_onlyUntilItsExpiry() {
    PinnedCertificate expiring = CertificateFixtures.aPinExpiring(Times.T0.plusSeconds(60));
    PinnedCertificates pins =
        PinnedCertificates.none().enroll(expiring).renew(b, expiring.fingerprint());
    Instant atExpiry = Times.T0.plusSeconds(60);

    assertThat(pins.isPinned(expiring.fingerprint(), Times.T0)).isTrue();
    assertThat(pins.isPinned(expiring.fingerprint(), atExpiry)).isFalse();
    assertThat(pins.isPinned(b.fingerprint(), atExpiry.plus(Duration.ofDays(1)))).isTrue();
  }

  @Test
  void isPinned_unknownFingerprint_isFalse() {
    assertThat(PinnedCertificates.none().enroll(a).isPinned(b.fingerprint(), Times.T0)).isFalse();
    assertThat(PinnedCertificates.none().isPinned(a.fingerprint(), Times.T0)).isFalse();
  }

  @Test
  void renew_withCurrent_changesNothing() {
    PinnedCertificates pins = PinnedCertificates.none().enroll(a).renew(b, a.fingerprint());
    assertThat(pins.renew(b, a.fingerprint())).isEqualTo(pins);
  }

  @Test
  void construct_previousWithoutCurrent_isRefused() {
    assertThatThrownBy(() -> new PinnedCertificates(Optional.empty(), Optional.of(a)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
