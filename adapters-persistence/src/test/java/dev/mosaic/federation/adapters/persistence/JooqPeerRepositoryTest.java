package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.PeerRepositoryContract;
import dev.mosaic.federation.application.port.out.PeerRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PeerRepositoryContract} against real PostgreSQL. */
class JooqPeerRepositoryTest extends PeerRepositoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected PeerRepository createPeerRepository() {
    return new JooqPeerRepository(database.transactor());
  }
}
