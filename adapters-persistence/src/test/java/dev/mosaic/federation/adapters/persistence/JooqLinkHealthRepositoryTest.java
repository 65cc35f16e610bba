package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.contract.LinkHealthRepositoryContract;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.domain.fixtures.LinkFixtures;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.link.CircuitState;
import dev.mosaic.federation.domain.link.Link;
import dev.mosaic.federation.domain.link.LinkId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LinkHealthRepositoryContract} against real PostgreSQL, plus what the table adds. */
class JooqLinkHealthRepositoryTest extends LinkHealthRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected LinkHealthRepository createLinkHealthRepository() {
    return new JooqLinkHealthRepository(database.transactor());
  }

  @Override
  protected LinkId aStoredLink() {
    UserId owner = new UserId(UUID.randomUUID());
    new JooqUserDirectory(database.transactor()).addUser(User.of(owner, "u-" + owner));
    Link link = LinkFixtures.aLink().ownedBy(owner).build();
    assertThat(new JooqLinkRepository(database.transactor()).insert(link))
        .isEqualTo(InsertOutcome.INSERTED);
    return link.id();
  }

  @Test
  void recordSuccess_withoutSkew_keepsTheLastMeasuredSkew() {
    LinkId link = aStoredLink();
    health.recordSuccess(link, Times.T0, Optional.of(Duration.ofSeconds(3)));

    health.recordSuccess(link, Times.T0.plusSeconds(60), Optional.empty());

    assertThat(health.find(link).orElseThrow().clockSkew()).contains(Duration.ofSeconds(3));
  }

  @Test
  void recordCircuitState_halfOpen_isReadBack() {
    LinkId link = aStoredLink();

    health.recordCircuitState(link, CircuitState.HALF_OPEN);

    assertThat(health.find(link).orElseThrow().circuitState()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void removingTheLink_forgetsItsHealth() {
    LinkId link = aStoredLink();
    health.recordFailure(link, Times.T0, "refused");

    new JooqLinkRepository(database.transactor()).delete(link);

    assertThat(health.find(link)).isEmpty();
  }
}
