package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.NativeAccessDirectoryContract;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.UserDirectory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NativeAccessDirectoryContract} against real PostgreSQL. */
class JooqNativeAccessDirectoryTest extends NativeAccessDirectoryContract {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Override
  protected NativeAccessDirectory createNativeAccessDirectory() {
    return new JooqNativeAccessDirectory(database.transactor());
  }

  @Override
  protected UserDirectory userDirectory() {
    return new JooqUserDirectory(database.transactor());
  }
}
