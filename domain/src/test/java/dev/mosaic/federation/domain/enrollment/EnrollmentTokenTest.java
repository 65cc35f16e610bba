package dev.mosaic.federation.domain.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.PublicKeyFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrollmentTokenTest {
  private final RawEnrollmentToken raw = RawEnrollmentToken.of(new byte[32]);
  private final EnrollmentToken token =
      EnrollmentToken.issue(
          raw.hash(), new GrantId(UUID.randomUUID()), Times.T0, Duration.ofMinutes(10));
  private final PublicKeyFingerprint key = CertificateFixtures.aPublicKey();
  private final Instant within = Times.T0.plus(Duration.ofMinutes(1));

  private EnrollmentToken claimed() {
    Redemption r = token.redeem(within, key);
    assertThat(r).isInstanceOf(Redemption.Claim.class);
    return ((Redemption.Claim) r).claimed();
  }

  @Test
  void issue_ttlAboveFifteenMinutes_isRefused() {
    assertThatThrownBy(
            () ->
                EnrollmentToken.issue(
                    raw.hash(), new GrantId(UUID.randomUUID()), Times.T0, Duration.ofMinutes(16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 minutes");
    assertThat(EnrollmentToken.isValidTtl(Duration.ofMinutes(15))).isTrue();
    assertThat(EnrollmentToken.isValidTtl(Duration.ZERO)).isFalse();
    assertThat(EnrollmentToken.isValidTtl(Duration.ofSeconds(-1))).isFalse();
  }

  @Test
  void issue_setsExpiryFromTtl() {
    assertThat(token.expiresAt()).isEqualTo(Times.T0.plus(Duration.ofMinutes(10)));
    assertThat(token.usedAt()).isEmpty();
  }

  @Test
  void redeem_unusedWithinTtl_claimsForTheKey() {
    EnrollmentToken used = claimed();

    assertThat(used.usedAt()).contains(within);
    assertThat(used.usedForPublicKey()).contains(key);
    assertThat(token.usedAt()).as("original unchanged").isEmpty();
  }

  @Test
  void redeem_unusedAtExpiry_isExpired() {
    assertThat(token.redeem(token.expiresAt(), key)).isInstanceOf(Redemption.Expired.class);
  }

  @Test
  void redeem_usedByAnotherKey_isAlreadyUsed() {
    assertThat(claimed().redeem(within, CertificateFixtures.aPublicKey()))
        .isInstanceOf(Redemption.AlreadyUsed.class);
  }

  @Test
  void redeem_sameKeyWithinTtl_isRetryWithTheSameCertificate() {
    EnrollmentCertificate cert =
        new EnrollmentCertificate(CertificateFixtures.aFingerprint(), "PEM", List.of("CHAIN"));
    EnrollmentToken withCert = claimed().withIssuedCertificate(cert);

    assertThat(withCert.redeem(within.plusSeconds(30), key))
        .isEqualTo(new Redemption.RetrySameKey(Optional.of(cert)));
  }

  @Test
  void redeem_sameKeyBeforeCertificateRecorded_isRetryWithoutCertificate() {
    assertThat(claimed().redeem(within, key))
        .isEqualTo(new Redemption.RetrySameKey(Optional.empty()));
  }

  @Test
  void redeem_sameKeyAfterTtl_isAlreadyUsed() {
    assertThat(claimed().redeem(token.expiresAt(), key)).isInstanceOf(Redemption.AlreadyUsed.class);
  }

  @Test
  void withIssuedCertificate_unusedToken_isRefused() {
    assertThatThrownBy(
            () ->
                token.withIssuedCertificate(
                    new EnrollmentCertificate(
                        CertificateFixtures.aFingerprint(), "PEM", List.of())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rawToken_encodeDecode_roundTripsAndHashesTheBytes() {
    byte[] bytes = new byte[32];
    bytes[0] = 7;
    RawEnrollmentToken t = RawEnrollmentToken.of(bytes);

    assertThat(RawEnrollmentToken.decode(t.encode())).contains(t);
    assertThat(t.hash()).isEqualTo(TokenHash.of(bytes));
    assertThat(t.encode()).hasSize(43).doesNotContain("=");
    assertThat(t.toString()).doesNotContain(t.encode());
    assertThat(RawEnrollmentToken.decode("too-short")).isEmpty();
    assertThat(RawEnrollmentToken.decode("not base64 !!")).isEmpty();
  }

  @Test
  void enrollmentUrl_formatParse_roundTrips() {
    EnrollmentUrl url =
        EnrollmentUrl.forGateway(
            java.net.URI.create("https://work.example:8443/"),
            raw,
            CertificateFixtures.aFingerprint());

    String text = url.format();

    assertThat(text)
        .startsWith("https://work.example:8443/api/federation/enrollment#token=")
        .contains("&pin=sha256:" + url.caRootPin().hex());
    assertThat(EnrollmentUrl.parse(text)).contains(url);
    assertThat(url.gatewayUrl()).hasToString("https://work.example:8443");
    assertThat(url.toString()).doesNotContain(raw.encode());
  }

  @Test
  void enrollmentUrl_parse_rejectsMalformed() {
    assertThat(EnrollmentUrl.parse("http://x/api/federation/enrollment#token=a&pin=sha256:b"))
        .isEmpty();
    assertThat(EnrollmentUrl.parse("https://x/api/federation/enrollment")).isEmpty();
    assertThat(
            EnrollmentUrl.parse(
                "https://x/api/federation/enrollment#token=" + raw.encode() + "&pin=abc"))
        .isEmpty();
  }
}
