package dev.mosaic.federation.adapters.persistence;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.mosaic.federation.application.port.out.AuditLog;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.EnrollmentTokenRepository;
import dev.mosaic.federation.application.port.out.GrantRepository;
import dev.mosaic.federation.application.port.out.LinkHealthRepository;
import dev.mosaic.federation.application.port.out.LinkRepository;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.PeerRepository;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.ResourceStore;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import dev.mosaic.federation.application.port.out.SessionTokenRepository;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The PostgreSQL adapter: a HikariCP pool for {@link DatabaseSettings} (the component provides
 * them), jOOQ, the repositories and the database probes of {@code doctor} ({@code database}, {@code
 * migrations}, {@code vector}). Optionally bind a {@link VectorRequirement} (default {@code
 * REQUIRED}). The {@link DataSource} is a HikariCP pool, which is {@link AutoCloseable}: close it
 * at shutdown. {@link DatabaseMigrator} is injectable for {@code gateway migrate}.
 */
@Module
public abstract class PersistenceModule {
  private PersistenceModule() {}

  @Provides
  @Singleton
  static DataSource dataSource(DatabaseSettings settings) {
    return DataSources.pooled(settings);
  }

  @Provides
  @Singleton
  static DSLContext dslContext(DataSource dataSource) {
    // jOOQ's start-up banner and tips would land in the gateway's log on first use.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    return DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
  }

  @BindsOptionalOf
  abstract VectorRequirement vectorRequirement();

  @Binds
  abstract Transactor transactor(JooqTransactor transactor);

  @Binds
  abstract GrantRepository grants(JooqGrantRepository repository);

  @Binds
  abstract PeerRepository peers(JooqPeerRepository repository);

  @Binds
  abstract EnrollmentTokenRepository enrollmentTokens(JooqEnrollmentTokenRepository repository);

  @Binds
  abstract RevokedCertificateRepository revokedCertificates(
      JooqRevokedCertificateRepository repository);

  @Binds
  abstract AuditLog auditLog(JooqAuditLog auditLog);

  @Binds
  abstract LinkRepository links(JooqLinkRepository repository);

  @Binds
  abstract LinkHealthRepository linkHealth(JooqLinkHealthRepository repository);

  @Binds
  abstract UserDirectory users(JooqUserDirectory directory);

  @Binds
  abstract SessionTokenRepository sessionTokens(JooqSessionTokenRepository repository);

  @Binds
  abstract NativeAccessDirectory nativeAccess(JooqNativeAccessDirectory directory);

  @Binds
  abstract ResourceStore resources(JooqResourceStore store);

  @Binds
  abstract ResourceImporter resourceImporter(JooqResourceImporter importer);

  @Binds
  @IntoSet
  abstract DependencyCheck databaseReachable(DatabaseChecks.Reachable check);

  @Binds
  @IntoSet
  abstract DependencyCheck migrationsCurrent(DatabaseChecks.MigrationsCurrent check);

  @Binds
  @IntoSet
  abstract DependencyCheck vectorPresent(DatabaseChecks.VectorPresent check);
}
