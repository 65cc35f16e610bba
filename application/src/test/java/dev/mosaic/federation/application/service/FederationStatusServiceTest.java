package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.FederationStatusResult;
import dev.mosaic.federation.application.port.in.LinkStatus;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FederationStatusServiceTest {
  private final RenewalWorld world = new RenewalWorld(Duration.ofDays(30));
  private final FederationStatusService service =
      new FederationStatusService(
          world.home.users(),
          world.home.links(),
          world.health,
          new RenewalSettings(Duration.ofDays(7)),
          world.clock);
  private final User bo = User.of(new UserId(UUID.randomUUID()), "bo");
  private final Link boLink = LinkFixtures.aLink().ownedBy(bo.id()).toPeer("lab.example").build();

  FederationStatusServiceTest() {
    world.home.users().addUser(bo);
    world.home.links().insert(boLink);
  }

  private LinkStatus onlyLinkOf(FederationStatusResult result) {
    assertThat(result).isInstanceOf(FederationStatusResult.Status.class);
    return ((FederationStatusResult.Status) result).links().getFirst();
  }

  @Test
  void status_activeLink_showsCertificateDaysLeftNextRenewalAndRecordedHealth() {
    Instant notAfter = world.link().certificate().notAfter();
    world.clock.advance(Duration.ofDays(2));
    world.health.recordSuccess(world.linkId, world.clock.instant(), Optional.of(Duration.ZERO));

    LinkStatus status = onlyLinkOf(service.status(ListLinksCommand.of("al")));

    assertThat(status.link().peerName().value()).isEqualTo("work.example");
    assertThat(status.grantStatus()).isEqualTo("active");
    assertThat(status.daysLeft()).isEqualTo(27);
    assertThat(status.nextRenewal()).contains(notAfter.minus(Duration.ofDays(7)));
    assertThat(status.health().lastSuccessAt()).contains(world.clock.instant());
    assertThat(status.clockSkewWarning()).isFalse();
    Map<String, Object> wire = status.toWire();
    assertThat(wire)
        .containsEntry("state", "active")
        .containsEntry("grantId", world.grant.value().toString())
        .containsEntry(
            "certificateFingerprint", "sha256:" + status.link().certificateFingerprint().hex())
        .containsEntry("circuitState", "closed")
        .containsEntry("daysLeft", 27L)
        .containsKeys("lastFailureAt", "lastFailureReason", "rateLimitedUntil", "clockSkewMs");
  }

  @Test
  void status_degradedAndRevokedLinks_showStateReasonFailureAndNoRenewalForRevoked() {
    world.work.setCaDown(true);
    world.renewal.renew(world.linkId);

    LinkStatus degraded = onlyLinkOf(service.status(ListLinksCommand.of("al")));
    assertThat(degraded.toWire()).containsEntry("state", "degraded");
    assertThat(degraded.health().lastFailureReason().orElseThrow()).contains("503");

    world.work.revoke();
    world.renewal.renew(world.linkId);
    LinkStatus revoked = onlyLinkOf(service.status(ListLinksCommand.of("al")));
    assertThat(revoked.grantStatus()).isEqualTo("revoked");
    assertThat(revoked.nextRenewal()).isEmpty();
  }

  @Test
  void status_skewAboveFiveMinutes_warns() {
    world.health.recordSuccess(
        world.linkId, world.clock.instant(), Optional.of(Duration.ofMinutes(-6)));

    assertThat(onlyLinkOf(service.status(ListLinksCommand.of("al"))).clockSkewWarning()).isTrue();
  }

  @Test
  void statusOf_user_showsOnlyThatUsersLinks_unknownHandleIsReported() {
    FederationStatusResult.Status mine = (FederationStatusResult.Status) service.statusOf(bo.id());
    assertThat(mine.links()).extracting(s -> s.link().id()).containsExactly(boLink.id());

    FederationStatusResult.Status all =
        (FederationStatusResult.Status) service.status(ListLinksCommand.all());
    assertThat(all.links()).hasSize(2);

    assertThat(service.status(ListLinksCommand.of("nobody")))
        .isEqualTo(new FederationStatusResult.UnknownLocalUser("nobody"));
  }
}
