package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.GrantView;
import dev.mosaic.federation.application.port.in.ListGrantsUseCase;
import dev.mosaic.federation.application.port.in.ShowGrantResult;
import dev.mosaic.federation.application.port.in.ShowGrantUseCase;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ListGrantsUseCase} and {@link ShowGrantUseCase}: grants with names and effective status.
 */
public class GrantQueryService implements ListGrantsUseCase, ShowGrantUseCase {
  private final GrantRepository grants;
  private final PeerRepository peers;
  private final UserDirectory users;
  private final InstantSource clock;

  @Inject
  public GrantQueryService(
      GrantRepository grants, PeerRepository peers, UserDirectory users, InstantSource clock) {
    this.grants = grants;
    this.peers = peers;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public List<GrantView> list() {
    Instant now = Times.now(clock);
    Map<PeerId, PeerName> peerNames = new HashMap<>();
    Map<UserId, Optional<String>> handles = new HashMap<>();
    return grants.findAll().stream()
        .map(
            grant ->
                new GrantView(
                    grant,
                    peerNames.computeIfAbsent(grant.peerId(), this::peerName),
                    handles.computeIfAbsent(grant.subjectUserId(), this::handle),
                    grant.effectiveStatus(now)))
        .toList();
  }

  @Override
  public ShowGrantResult show(GrantId grantId) {
    Optional<Grant> grant = grants.findById(grantId);
    if (grant.isEmpty()) {
      return new ShowGrantResult.NotFound(grantId);
    }
    Grant g = grant.get();
    return new ShowGrantResult.Found(
        new GrantView(
            g,
            peerName(g.peerId()),
            handle(g.subjectUserId()),
            g.effectiveStatus(Times.now(clock))));
  }

  private PeerName peerName(PeerId id) {
    return peers
        .findById(id)
        .map(Peer::name)
        .orElseThrow(
            () -> new InfrastructureException("a grant names a missing peer " + id, false));
  }

  private Optional<String> handle(UserId id) {
    return users.findUserById(id).map(User::handle);
  }
}
