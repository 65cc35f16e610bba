package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.RemoveLinkCommand;
import dev.mosaic.federation.application.port.in.RemoveLinkResult;
import dev.mosaic.federation.application.port.in.RemoveLinkUseCase;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.ResponseCache;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@link RemoveLinkUseCase}: deletes the link and its health in one transaction, then flushes its
 * cached answers.
 */
public class RemoveLinkService implements RemoveLinkUseCase {
  private final Transactor transactor;
  private final UserDirectory users;
  private final LinkRepository links;
  private final LinkHealthRepository health;
  private final ResponseCache cache;

  @Inject
  public RemoveLinkService(
      Transactor transactor,
      UserDirectory users,
      LinkRepository links,
      LinkHealthRepository health,
      ResponseCache cache) {
    this.transactor = transactor;
    this.users = users;
    this.links = links;
    this.health = health;
    this.cache = cache;
  }

  @Override
  public RemoveLinkResult remove(RemoveLinkCommand command) {
    Optional<User> owner = users.findUserByHandle(command.localUser().strip());
    if (owner.isEmpty()) {
      return new RemoveLinkResult.UnknownLocalUser(command.localUser());
    }
    Optional<PeerName> name = PeerName.tryParse(command.name());
    if (name.isEmpty()) {
      return new RemoveLinkResult.NotFound(command.name());
    }
    Optional<Link> removed =
        transactor.inTransaction(
            () -> {
              Optional<Link> link = links.findByOwnerAndPeerName(owner.get().id(), name.get());
              link.ifPresent(
                  l -> {
                    links.delete(l.id());
                    health.delete(l.id());
                  });
              return link;
            });
    if (removed.isEmpty()) {
      return new RemoveLinkResult.NotFound(command.name());
    }
    cache.flush(removed.get().id());
    return new RemoveLinkResult.Removed(LinkView.of(removed.get(), owner.get().handle()));
  }
}
