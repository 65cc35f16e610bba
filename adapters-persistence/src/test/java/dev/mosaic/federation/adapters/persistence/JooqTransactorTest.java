package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.TransactorContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TransactorContract} against real PostgreSQL. */
class JooqTransactorTest extends TransactorContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected Transactor createTransactor() {
    return database.transactor();
  }

  @Override
  protected GrantRepository grantRepository() {
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
