package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.TransactorContract;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryTransactorTest extends TransactorContract {
  private final InMemoryStores stores = new InMemoryStores();

  @Override
  protected Transactor createTransactor() {
    return stores.transactor();
  }

  @Override
  protected GrantRepository grantRepository() {
    return stores.grants();
  }

  @Override
  protected PeerRepository peerRepository() {
    return stores.peers();
  }

  @Override
  protected UserDirectory userDirectory() {
    return stores.users();
  }
}
