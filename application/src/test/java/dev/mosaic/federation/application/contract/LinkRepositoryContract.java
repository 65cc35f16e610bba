package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.link.LinkTransition;
import dev.mosaic.federation.domain.peer.PeerName;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LinkRepository}: read back equal; isolation by owner. */
public abstract class LinkRepositoryContract {
  protected LinkRepository links;
  private UserDirectory users;

  protected abstract LinkRepository createLinkRepository();

  /** The store the links' owners live in (same database). */
  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpLinkRepositoryContract() {
    links = createLinkRepository();
    users = userDirectory();
  }

  private UserId aUser() {
    User user = User.of(new UserId(UUID.randomUUID()), "u-" + UUID.randomUUID());
    users.addUser(user);
    return user.id();
  }

  @Test
  void insert_link_isReadBackEqualIncludingSealedKey() {
    Link link = LinkFixtures.aLink().ownedBy(aUser()).build();

    assertThat(links.insert(link)).isEqualTo(InsertOutcome.INSERTED);

    Link read = links.findById(link.id()).orElseThrow();
    assertThat(read).isEqualTo(link);
    assertThat(read.certificate().sealedPrivateKey().ciphertext())
        .isEqualTo(link.certificate().sealedPrivateKey().ciphertext());
  }

  @Test
  void findByOwner_neverReturnsAnotherUsersLink() {
    UserId u = aUser();
    UserId v = aUser();
    Link ofU = LinkFixtures.aLink().ownedBy(u).toPeer("work.example").build();
    Link ofV = LinkFixtures.aLink().ownedBy(v).toPeer("work.example").build();
    links.insert(ofU);
    links.insert(ofV);

    assertThat(links.findByOwner(u)).containsExactly(ofU);
    assertThat(links.findByOwner(v)).containsExactly(ofV);
    assertThat(links.findByOwnerAndPeerName(u, PeerName.parse("work.example"))).contains(ofU);
  }

  @Test
  void findByOwner_ordersByPeerName() {
    UserId u = aUser();
    Link b = LinkFixtures.aLink().ownedBy(u).toPeer("b.example").build();
    Link a = LinkFixtures.aLink().ownedBy(u).toPeer("a.example").build();
    links.insert(b);
    links.insert(a);

    assertThat(links.findByOwner(u)).containsExactly(a, b);
  }

  @Test
  void insert_samePeerNameForSameOwner_isDuplicate() {
    UserId u = aUser();
    Link first = LinkFixtures.aLink().ownedBy(u).toPeer("work.example").build();
    Link second = LinkFixtures.aLink().ownedBy(u).toPeer("work.example").build();
    links.insert(first);

    assertThat(links.insert(second)).isEqualTo(InsertOutcome.DUPLICATE);

    assertThat(links.findByOwner(u)).containsExactly(first);
  }

  @Test
  void update_revocation_isReadBack() {
    Link link = LinkFixtures.aLink().ownedBy(aUser()).build();
    links.insert(link);
    Link revoked =
        ((LinkTransition.Applied) link.revoke("grant_revoked", Times.T0.plusSeconds(3))).link();

    links.update(revoked);

    assertThat(links.findById(link.id())).contains(revoked);
  }

  @Test
  void update_unknownLink_throwsInfrastructureException() {
    Link never = LinkFixtures.aLink().ownedBy(aUser()).build();
    assertThatThrownBy(() -> links.update(never)).isInstanceOf(InfrastructureException.class);
  }

  @Test
  void delete_removesOnlyThatLink() {
    UserId u = aUser();
    Link gone = LinkFixtures.aLink().ownedBy(u).toPeer("a.example").build();
    Link kept = LinkFixtures.aLink().ownedBy(u).toPeer("b.example").build();
    links.insert(gone);
    links.insert(kept);

    assertThat(links.delete(gone.id())).isTrue();
    assertThat(links.delete(gone.id())).isFalse();

    assertThat(links.findById(gone.id())).isEmpty();
    assertThat(links.findByOwner(u)).containsExactly(kept);
  }

  @Test
  void findByIdForUpdate_readsTheLinkOutsideATransactionToo() {
    Link link = LinkFixtures.aLink().ownedBy(aUser()).build();
    links.insert(link);

    assertThat(links.findByIdForUpdate(link.id())).contains(link);
    assertThat(links.findByIdForUpdate(new LinkId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(links.findById(new LinkId(UUID.randomUUID()))).isEmpty();
    assertThat(links.findByOwner(aUser())).isEmpty();
  }

  @Test
  void findAll_containsLinksOfEveryOwner() {
    Link a = LinkFixtures.aLink().ownedBy(aUser()).build();
    Link b = LinkFixtures.aLink().ownedBy(aUser()).build();
    links.insert(a);
    links.insert(b);

    assertThat(links.findAll()).contains(a, b);
  }
}
