package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.DependencyCheckContract;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each database probe passes {@link DependencyCheckContract} against a migrated database. */
class DatabaseCheckContractsTest {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @Nested
  class Reachable extends DependencyCheckContract {
    @Override
    protected DependencyCheck createDependencyCheck() {
      return new DatabaseChecks.Reachable(database.dataSource());
    }

    @Override
    protected CheckStatus expectedStatus() {
      return CheckStatus.OK;
    }
  }

  @Nested
  class MigrationsCurrent extends DependencyCheckContract {
    @Override
    protected DependencyCheck createDependencyCheck() {
      return new DatabaseChecks.MigrationsCurrent(new DatabaseMigrator(database.dataSource()));
    }

    @Override
    protected CheckStatus expectedStatus() {
      return CheckStatus.OK;
    }
  }

  @Nested
  class VectorPresent extends DependencyCheckContract {
    @Override
    protected DependencyCheck createDependencyCheck() {
      return new DatabaseChecks.VectorPresent(
          database.dataSource(), Optional.of(VectorRequirement.REQUIRED));
    }

    @Override
    protected CheckStatus expectedStatus() {
      return CheckStatus.OK;
    }
  }
}
