package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.UserDirectoryContract;
import dev.mosaic.federation.application.port.out.UserDirectory;

class InMemoryUserDirectoryTest extends UserDirectoryContract {
  @Override
  protected UserDirectory createUserDirectory() {
    return new InMemoryUserDirectory();
  }
}
