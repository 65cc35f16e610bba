package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.contract.NativeAccessDirectoryContract;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.UserDirectory;

/** {@link InMemoryUserDirectory} is also the in-memory {@link NativeAccessDirectory}. */
class InMemoryNativeAccessDirectoryTest extends NativeAccessDirectoryContract {
  private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

  @Override
  protected NativeAccessDirectory createNativeAccessDirectory() {
    return directory;
  }

  @Override
  protected UserDirectory userDirectory() {
    return directory;
  }
}
