package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.application.port.in.ListLinksResult;
import dev.mosaic.federation.application.port.in.ListLinksUseCase;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ListLinksUseCase}: a user's links through the owner-scoped query only. */
public class ListLinksService implements ListLinksUseCase {
  private final UserDirectory users;
  private final LinkRepository links;

  @Inject
  public ListLinksService(UserDirectory users, LinkRepository links) {
    this.users = users;
    this.links = links;
  }

  @Override
  public ListLinksResult list(ListLinksCommand command) {
    if (command.localUser().isPresent()) {
      String handle = command.localUser().get().strip();
      Optional<User> owner = users.findUserByHandle(handle);
      if (owner.isEmpty()) {
        return new ListLinksResult.UnknownLocalUser(command.localUser().get());
      }
      return new ListLinksResult.Listed(
          links.findByOwner(owner.get().id()).stream()
              .map(link -> LinkView.of(link, owner.get().handle()))
              .toList());
    }
    Map<UserId, String> handles = new HashMap<>();
    List<LinkView> views =
        links.findAll().stream()
            .map(
                link ->
                    LinkView.of(link, handles.computeIfAbsent(link.localUserId(), this::handle)))
            .sorted(
                Comparator.comparing(LinkView::localUserHandle)
                    .thenComparing(view -> view.peerName().value()))
            .toList();
    return new ListLinksResult.Listed(views);
  }

  private String handle(UserId id) {
    return users.findUserById(id).map(User::handle).orElse(id.toString());
  }
}
