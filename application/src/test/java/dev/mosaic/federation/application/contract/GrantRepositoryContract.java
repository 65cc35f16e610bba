package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.fixtures.CertificateFixtures;
import dev.mosaic.federation.domain.fixtures.ScopeFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.grant.GrantTransition;
import dev.mosaic.federation.domain.peer.PeerId;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.scope.ResourceFilter;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GrantRepository}: what is saved is read back equal. */
public abstract class GrantRepositoryContract {
  protected GrantRepository grants;
  protected ServingSeeds seeds;

  protected abstract GrantRepository createGrantRepository();

  /** The peer store the grants' peers live in (same database). */
  protected abstract PeerRepository peerRepository();

  /** The user store the grants' subjects live in (same database). */
  protected abstract UserDirectory userDirectory();

  @BeforeEach
  void setUpGrantRepositoryContract() {
    grants = createGrantRepository();
    seeds = new ServingSeeds(userDirectory(), peerRepository(), grants);
  }

  @Test
  void insert_pendingGrant_isReadBackEqual() {
    Grant grant = seeds.aPendingGrant().build();

    grants.insert(grant);

    assertThat(grants.findById(grant.id())).contains(grant);
  }

  @Test
  void insert_activeGrantWithEveryField_isReadBackEqual() {
    TeamId team = new TeamId(UUID.randomUUID());
    Grant grant =
        seeds
            .anActiveGrant()
            .withScope(
                ScopeFixtures.aScope()
                    .resources(Resource.TASKS, Resource.NOTES, Resource.API_KEYS)
                    .excluding(Resource.CREDENTIALS, Resource.MEMORY)
                    .filter(Resource.TASKS, false, Set.of(team))
                    .filter(Resource.NOTES, ResourceFilter.DEFAULT)
                    .maxRows(250)
                    .rateLimit(90, 9)
                    .build())
            .expiresIn(Duration.ofDays(90))
            .pinned(CertificateFixtures.aPin(), CertificateFixtures.aPin())
            .build();

    grants.insert(grant);

    Grant read = grants.findById(grant.id()).orElseThrow();
    assertThat(read).isEqualTo(grant);
    assertThat(read.scope()).isEqualTo(grant.scope());
    assertThat(read.pinnedCertificates()).isEqualTo(grant.pinnedCertificates());
  }

  @Test
  void insert_revokedGrant_keepsReasonAndTime() {
    Grant grant = seeds.anActiveGrant().build();
    Grant revoked =
        ((GrantTransition.Applied) grant.revoke(Times.T0.plusSeconds(5), "left the company"))
            .grant();

    grants.insert(revoked);

    assertThat(grants.findById(revoked.id())).contains(revoked);
  }

  @Test
  void insert_duplicateId_throwsInfrastructureException() {
    Grant grant = seeds.aPendingGrant().build();
    grants.insert(grant);

    assertThatThrownBy(() -> grants.insert(grant)).isInstanceOf(InfrastructureException.class);
    assertThat(grants.findById(grant.id())).contains(grant);
  }

  @Test
  void findById_unknown_isEmpty() {
    assertThat(grants.findById(new GrantId(UUID.randomUUID()))).isEmpty();
    assertThat(grants.findByIdForUpdate(new GrantId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void update_afterTransition_isReadBackEqual() {
    Grant grant = seeds.aPendingGrant().build();
    grants.insert(grant);
    Grant active =
        ((GrantTransition.Applied)
                grant.enroll(CertificateFixtures.aPin(), Times.T0.plusSeconds(9)))
            .grant();

    grants.update(active);

    assertThat(grants.findById(grant.id())).contains(active);
    assertThat(grants.findByIdForUpdate(grant.id())).contains(active);
  }

  @Test
  void update_unknownGrant_throwsInfrastructureException() {
    Grant never = seeds.aPendingGrant().build();

    assertThatThrownBy(() -> grants.update(never)).isInstanceOf(InfrastructureException.class);
    assertThat(grants.findById(never.id())).isEmpty();
  }

  @Test
  void findBySubject_returnsOnlyThatSubjectsGrantsOldestFirst() {
    UserId subject = seeds.user();
    Grant newer =
        seeds.aPendingGrant().forSubject(subject).createdAt(Times.T0.plusSeconds(60)).build();
    Grant older = seeds.aPendingGrant().forSubject(subject).build();
    Grant other = seeds.aPendingGrant().build();
    grants.insert(newer);
    grants.insert(older);
    grants.insert(other);

    assertThat(grants.findBySubject(subject)).containsExactly(older, newer);
  }

  @Test
  void findByPeer_returnsOnlyThatPeersGrants() {
    PeerId peer = seeds.peer();
    Grant mine = seeds.aPendingGrant().forPeer(peer).build();
    Grant other = seeds.aPendingGrant().build();
    grants.insert(mine);
    grants.insert(other);

    assertThat(grants.findByPeer(peer)).containsExactly(mine);
  }

  @Test
  void findAll_containsEveryInsertedGrant() {
    Grant a = seeds.aPendingGrant().build();
    Grant b = seeds.anActiveGrant().build();
    grants.insert(a);
    grants.insert(b);

    assertThat(grants.findAll()).contains(a, b);
  }

  @Test
  void insert_withoutExpiry_staysWithoutExpiry() {
    Grant grant = seeds.aPendingGrant().build();
    grants.insert(grant);

    assertThat(grants.findById(grant.id()).orElseThrow().expiresAt()).isEqualTo(Optional.empty());
  }
}
