package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.GrantRepositoryContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GrantRepositoryContract} against real PostgreSQL. */
class JooqGrantRepositoryTest extends GrantRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected GrantRepository createGrantRepository() {
    return new JooqGrantRepository(database.transactor());
  }

  @Override
  protected PeerRepository peerRepository() {
    return new JooqPeerRepository(database.transactor());
  }

  @Override
  protected UserDirectory userDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
