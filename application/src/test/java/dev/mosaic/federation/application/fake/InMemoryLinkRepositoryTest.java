package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.LinkRepositoryContract;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryLinkRepositoryTest extends LinkRepositoryContract {
  @Override
  protected LinkRepository createLinkRepository() {
    return new InMemoryLinkRepository();
  }

  @Override
  protected UserDirectory userDirectory() {
    return new InMemoryUserDirectory();
  }
}
