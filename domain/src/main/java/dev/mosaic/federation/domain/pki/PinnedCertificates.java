package dev.mosaic.federation.domain.pki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The at most two client certificates pinned for a grant: the current one and the one that
 * authenticated the last renewal, which stays pinned until it expires.
 */
public record PinnedCertificates(
    Optional<PinnedCertificate> current, Optional<PinnedCertificate> previous) {

  private static final PinnedCertificates NONE =
      new PinnedCertificates(Optional.empty(), Optional.empty());

  public PinnedCertificates {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(previous, "previous");
    if (current.isEmpty() && previous.isPresent()) {
      throw new IllegalArgumentException("a previous certificate needs a current one");
    }
    if (current.isPresent()
        && previous.isPresent()
        && current.get().fingerprint().equals(previous.get().fingerprint())) {
      throw new IllegalArgumentException("current and previous certificate are the same");
    }
  }

  /** No certificate pinned (a grant that was never enrolled). */
  public static PinnedCertificates none() {
    return NONE;
  }

  /** Enrollment: {@code certificate} becomes the only pin, replacing the whole set. */
  public PinnedCertificates enroll(PinnedCertificate certificate) {
    return new PinnedCertificates(Optional.of(certificate), Optional.empty());
  }

  /**
   * Renewal requested over a connection authenticated by {@code presentedBy}: {@code certificate}
   * becomes current and the presenting certificate the previous one; any other pin is dropped. So a
   * renewal whose answer was lost (the requester still holds its old certificate) renews again
   * without stranding it, and at most two certificates are ever pinned.
   *
   * @throws IllegalArgumentException when {@code presentedBy} is not one of the pins
   */
  public PinnedCertificates renew(
      PinnedCertificate certificate, CertificateFingerprint presentedBy) {
    Objects.requireNonNull(certificate, "certificate");
    if (current.isPresent() && current.get().fingerprint().equals(certificate.fingerprint())) {
      return this;
    }
    PinnedCertificate presenting =
        all().stream()
            .filter(pin -> pin.fingerprint().equals(presentedBy))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("the presenting certificate is not pinned"));
    return new PinnedCertificates(Optional.of(certificate), Optional.of(presenting));
  }

  /**
   * Whether {@code fingerprint} is pinned at {@code now}: the current certificate always, the
   * previous one only before its {@code notAfter}.
   */
  public boolean isPinned(CertificateFingerprint fingerprint, Instant now) {
    if (current.isPresent() && current.get().fingerprint().equals(fingerprint)) {
      return true;
    }
    return previous.isPresent()
        && previous.get().fingerprint().equals(fingerprint)
        && now.isBefore(previous.get().notAfter());
  }

  /** Every pinned certificate, current first (0, 1 or 2 entries). */
  public List<PinnedCertificate> all() {
    List<PinnedCertificate> all = new ArrayList<>(2);
    current.ifPresent(all::add);
    previous.ifPresent(all::add);
    return List.copyOf(all);
  }
}
