package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.SessionTokenRepositoryContract;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemorySessionTokenRepositoryTest extends SessionTokenRepositoryContract {
  private final InMemoryStores stores = new InMemoryStores();

  @Override
  protected SessionTokenRepository createSessionTokenRepository() {
    return stores.sessionTokens();
  }

  @Override
  protected UserDirectory userDirectory() {
    return stores.users();
  }
}
