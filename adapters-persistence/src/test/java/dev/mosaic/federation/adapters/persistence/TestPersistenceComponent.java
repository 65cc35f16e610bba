package dev.mosaic.federation.adapters.persistence;

import dagger.BindsInstance;
import dagger.Component;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import jakarta.inject.Singleton;
import java.util.Set;
import javax.sql.DataSource;

/** The production module wired the way bootstrap wires it, for {@link PersistenceModuleTest}. */
@Singleton
@Component(modules = PersistenceModule.class)
interface TestPersistenceComponent {
  Set<DependencyCheck> checks();

  DatabaseMigrator migrator();

  DataSource dataSource();

  Transactor transactor();

  UserDirectory users();

  NativeAccessDirectory nativeAccess();

  AuditLog auditLog();

  SessionTokenRepository sessionTokens();

  @Component.Factory
  interface Factory {
    TestPersistenceComponent create(@BindsInstance DatabaseSettings settings);
  }
}
