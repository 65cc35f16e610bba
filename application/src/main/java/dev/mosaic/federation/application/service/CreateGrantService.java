package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.CreateGrantCommand;
import dev.mosaic.federation.application.port.in.CreateGrantResult;
import dev.mosaic.federation.application.port.in.CreateGrantUseCase;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.audit.AuditEventId;
import dev.mosaic.federation.domain.audit.AuditOutcome;
import dev.mosaic.federation.domain.audit.LifecycleEvent;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.peer.Peer;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.scope.Scope;
import dev.mosaic.federation.domain.scope.ScopeParseResult;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** {@link CreateGrantUseCase}: validates everything first, then writes in one transaction. */
public class CreateGrantService implements CreateGrantUseCase {
  private final Transactor transactor;
  private final UserDirectory users;
  private final PeerRepository peers;
  private final GrantRepository grants;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public CreateGrantService(
      Transactor transactor,
      UserDirectory users,
      PeerRepository peers,
      GrantRepository grants,
      AuditLog audit,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.users = users;
    this.peers = peers;
    this.grants = grants;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public CreateGrantResult create(CreateGrantCommand command) {
    ScopeParseResult parsed = Scope.parse(command.scopeDocument());
    if (parsed instanceof ScopeParseResult.Rejected rejected) {
      return new CreateGrantResult.InvalidScope(rejected.violations());
    }
    ScopeParseResult.Parsed scope = (ScopeParseResult.Parsed) parsed;
    Optional<String> nameProblem = PeerName.problemWith(normalize(command.peerName()));
    if (nameProblem.isPresent()) {
      return new CreateGrantResult.InvalidPeerName(nameProblem.get());
    }
    PeerName peerName = PeerName.parse(command.peerName());
    Optional<Duration> expiresIn = command.expiresIn();
    if (expiresIn.isPresent() && (expiresIn.get().isNegative() || expiresIn.get().isZero())) {
      return new CreateGrantResult.InvalidExpiry(
          "the expiry must be a positive duration, was " + expiresIn.get());
    }
    Optional<User> subject = findSubject(command.subject().strip());
    if (subject.isEmpty()) {
      return new CreateGrantResult.UnknownSubject(command.subject());
    }
    return transactor.inTransaction(
        () -> {
          Instant now = Times.now(clock);
          PeerResolution peer = findOrCreatePeer(peerName, now);
          Grant grant =
              Grant.create(
                  new GrantId(ids.newId()),
                  peer.peer().id(),
                  subject.get().id(),
                  scope.scope(),
                  now,
                  expiresIn.map(now::plus));
          grants.insert(grant);
          audit.append(
              AuditEvent.lifecycle(
                      new AuditEventId(ids.newId()),
                      now,
                      LifecycleEvent.GRANT_CREATED,
                      AuditOutcome.ALLOWED)
                  .grantId(grant.id())
                  .peerId(peer.peer().id())
                  .subjectUserId(grant.subjectUserId())
                  .build());
          return new CreateGrantResult.Created(
              grant, peer.peer(), peer.created(), scope.warnings());
        });
  }

  private Optional<User> findSubject(String subject) {
    Optional<UUID> uuid = Uuids.tryParseCanonical(subject);
    Optional<User> user =
        uuid.isPresent()
            ? users.findUserById(new UserId(uuid.get()))
            : users.findUserByHandle(subject);
    return user.filter(u -> !u.isDeleted());
  }

  private PeerResolution findOrCreatePeer(PeerName name, Instant now) {
    Optional<Peer> existing = peers.findByName(name);
    if (existing.isPresent()) {
      return new PeerResolution(existing.get(), false);
    }
    Peer peer = Peer.create(new PeerId(ids.newId()), name, now);
    if (peers.insert(peer) == InsertOutcome.INSERTED) {
      return new PeerResolution(peer, true);
    }
    // Another transaction created it concurrently.
    return new PeerResolution(
        peers
            .findByName(name)
            .orElseThrow(
                () ->
                    new InfrastructureException(
                        "peer '" + name + "' reported as duplicate but not found", true)),
        false);
  }

  private static String normalize(String name) {
    return name.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private record PeerResolution(Peer peer, boolean created) {}
}
