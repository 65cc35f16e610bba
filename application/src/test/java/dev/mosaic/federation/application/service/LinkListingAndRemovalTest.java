package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryLinkHealthRepository;
import dev.mosaic.federation.application.fake.InMemoryResponseCache;
import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.MutableInstantSource;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.application.port.in.ListLinksResult;
import dev.mosaic.federation.application.port.in.RemoveLinkCommand;
import dev.mosaic.federation.application.port.in.RemoveLinkResult;
import dev.mosaic.federation.application.port.out.CacheKey;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ListLinksService} and {@link RemoveLinkService}. */
class LinkListingAndRemovalTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final MutableInstantSource clock = new MutableInstantSource(Times.T0);
  private final InMemoryLinkHealthRepository health = new InMemoryLinkHealthRepository();
  private final InMemoryResponseCache cache = new InMemoryResponseCache(clock);
  private final ListLinksService list = new ListLinksService(stores.users(), stores.links());
  private final RemoveLinkService remove =
      new RemoveLinkService(stores.transactor(), stores.users(), stores.links(), health, cache);

  private final User bo = user("bo");
  private final User al = user("al");
  private final Link alWork = link(al, "work.example");
  private final Link alLab = link(al, "lab.example");
  private final Link boWork = link(bo, "work.example");

  private User user(String handle) {
    User user = User.of(new UserId(UUID.randomUUID()), handle);
    stores.users().addUser(user);
    return user;
  }

  private Link link(User owner, String peer) {
    Link link = LinkFixtures.aLink().ownedBy(owner.id()).toPeer(peer).build();
    stores.links().insert(link);
    return link;
  }

  private static ListLinksResult.Listed listed(ListLinksResult result) {
    assertThat(result).isInstanceOf(ListLinksResult.Listed.class);
    return (ListLinksResult.Listed) result;
  }

  @Test
  void list_forALocalUser_showsOnlyTheirLinksByPeerName() {
    ListLinksResult.Listed result = listed(list.list(ListLinksCommand.of("al")));

    assertThat(result.links()).extracting(LinkView::id).containsExactly(alLab.id(), alWork.id());
    assertThat(result.links()).extracting(LinkView::localUserHandle).containsOnly("al");
  }

  @Test
  void list_all_showsEveryLinkByOwnerHandleThenPeerName() {
    ListLinksResult.Listed result = listed(list.list(ListLinksCommand.all()));

    assertThat(result.links())
        .extracting(LinkView::id)
        .containsExactly(alLab.id(), alWork.id(), boWork.id());
  }

  @Test
  void list_unknownUser_isUnknownLocalUser() {
    assertThat(list.list(ListLinksCommand.of("zed")))
        .isEqualTo(new ListLinksResult.UnknownLocalUser("zed"));
  }

  @Test
  void linkView_carriesNoKeyMaterial() {
    LinkView view = listed(list.list(ListLinksCommand.of("bo"))).links().getFirst();

    assertThat(view.toString()).doesNotContain("sealed");
    assertThat(view.certificateFingerprint()).isEqualTo(boWork.certificate().fingerprint());
  }

  @Test
  void remove_ownLink_deletesItItsHealthAndItsCachedAnswers() {
    health.recordFailure(alWork.id(), Times.T0, "timeout");
    CacheKey key = new CacheKey(alWork.id(), "list", "tasks", "{}");
    cache.put(key, Map.of("items", List.of()), Duration.ofSeconds(30));

    RemoveLinkResult result = remove.remove(new RemoveLinkCommand("al", "work.example"));

    assertThat(result).isInstanceOf(RemoveLinkResult.Removed.class);
    assertThat(((RemoveLinkResult.Removed) result).link().id()).isEqualTo(alWork.id());
    assertThat(stores.links().findById(alWork.id())).isEmpty();
    assertThat(health.find(alWork.id())).isEmpty();
    assertThat(cache.get(key)).isEmpty();
    assertThat(stores.links().findById(boWork.id())).isPresent();
    assertThat(stores.links().findById(alLab.id())).isPresent();
  }

  @Test
  void remove_nameTheUserDoesNotHave_isNotFound() {
    assertThat(remove.remove(new RemoveLinkCommand("bo", "lab.example")))
        .isEqualTo(new RemoveLinkResult.NotFound("lab.example"));
    assertThat(remove.remove(new RemoveLinkCommand("bo", "not a name")))
        .isEqualTo(new RemoveLinkResult.NotFound("not a name"));
    assertThat(stores.links().findAll()).hasSize(3);
  }

  @Test
  void remove_unknownUser_isUnknownLocalUser() {
    assertThat(remove.remove(new RemoveLinkCommand("zed", "work.example")))
        .isEqualTo(new RemoveLinkResult.UnknownLocalUser("zed"));
    assertThat(stores.links().findAll()).hasSize(3);
  }

  @Test
  void remove_ownLink_leavesOtherLinksCacheAlone() {
    CacheKey other = new CacheKey(boWork.id(), "list", "tasks", "{}");
    cache.put(other, Map.of("items", List.of()), Duration.ofSeconds(30));

    remove.remove(new RemoveLinkCommand("al", "work.example"));

    assertThat(cache.get(other)).isPresent();
    assertThat(stores.links().findAll()).hasSize(2);
  }
}
