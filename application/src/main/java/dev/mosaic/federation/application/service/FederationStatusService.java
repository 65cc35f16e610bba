package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.FederationStatusResult;
import dev.mosaic.federation.application.port.in.FederationStatusUseCase;
import dev.mosaic.federation.application.port.in.LinkStatus;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.application.port.in.ListLinksResult;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.link.LinkHealth;
import dev.mosaic.federation.domain.link.LinkState;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** {@link FederationStatusUseCase}: links as listed, with their recorded health. */
public class FederationStatusService implements FederationStatusUseCase {
  private final ListLinksService listing;
  private final UserDirectory users;
  private final LinkRepository links;
  private final LinkHealthRepository health;
  private final RenewalSettings renewal;
  private final InstantSource clock;

  @Inject
  public FederationStatusService(
      UserDirectory users,
      LinkRepository links,
      LinkHealthRepository health,
      RenewalSettings renewal,
      InstantSource clock) {
    this.listing = new ListLinksService(users, links);
    this.users = users;
    this.links = links;
    this.health = health;
    this.renewal = renewal;
    this.clock = clock;
  }

  @Override
  public FederationStatusResult status(ListLinksCommand command) {
    return switch (listing.list(command)) {
      case ListLinksResult.Listed listed -> status(listed.links());
      case ListLinksResult.UnknownLocalUser unknown ->
          new FederationStatusResult.UnknownLocalUser(unknown.handle());
    };
  }

  @Override
  public FederationStatusResult statusOf(UserId user) {
    String handle = users.findUserById(user).map(User::handle).orElse(user.toString());
    return status(
        links.findByOwner(user).stream()
            .filter(link -> link.localUserId().equals(user))
            .map(link -> LinkView.of(link, handle))
            .toList());
  }

  private FederationStatusResult.Status status(List<LinkView> views) {
    Instant now = clock.instant();
    return new FederationStatusResult.Status(
        now, views.stream().map(view -> statusOf(view, now)).toList());
  }

  private LinkStatus statusOf(LinkView view, Instant now) {
    LinkHealth recorded = health.find(view.id()).orElse(LinkHealth.unknown(view.id()));
    boolean revoked = view.state() == LinkState.REVOKED;
    Instant due = view.certificateNotAfter().minus(renewal.renewBefore());
    Optional<Instant> nextRenewal =
        revoked ? Optional.empty() : Optional.of(due.isBefore(now) ? now : due);
    long daysLeft = Duration.between(now, view.certificateNotAfter()).toDays();
    boolean skewWarning =
        recorded.clockSkew().map(s -> s.abs().compareTo(LinkStatus.MAX_SKEW) > 0).orElse(false);
    return new LinkStatus(
        view, revoked ? "revoked" : "active", daysLeft, nextRenewal, recorded, skewWarning);
  }
}
