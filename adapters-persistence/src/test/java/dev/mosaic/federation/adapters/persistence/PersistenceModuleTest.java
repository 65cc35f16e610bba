package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.SessionToken;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.enrollment.TokenHash;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PersistenceModule} in a Dagger component, against a migrated database with pgvector. */
class PersistenceModuleTest {
  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  private static TestPersistenceComponent component;

  @BeforeAll
  static void wire() {
    component = DaggerTestPersistenceComponent.factory().create(database.settings());
  }

  @AfterAll
  static void closePool() throws Exception {
    ((AutoCloseable) component.dataSource()).close();
  }

  @Test
  void checks_onMigratedDatabaseWithVector_allPass() {
    Map<String, CheckResult> results =
        component.checks().stream()
            .collect(Collectors.toMap(DependencyCheck::name, DependencyCheck::check));

    assertThat(results).containsOnlyKeys("database", "migrations", "vector");
    assertThat(results.values()).extracting(CheckResult::status).containsOnly(CheckStatus.OK);
    assertThat(results.get("migrations").detail()).isEqualTo("schema at version 005");
    assertThat(results.get("vector").detail()).startsWith("pgvector 0.8");
  }

  @Test
  void repositories_shareOneDatabaseAndTheTransactor() {
    User user = User.of(new UserId(UUID.randomUUID()), "module-" + UUID.randomUUID());

    InsertOutcome outcome =
        component.transactor().inTransaction(() -> component.users().addUser(user));

    assertThat(outcome).isEqualTo(InsertOutcome.INSERTED);
    assertThat(component.nativeAccess().find(user.id()))
        .contains(new NativeAccess(user.id(), Set.of()));
    assertThat(component.migrator().status().isCurrent()).isTrue();
  }

  @Test
  void sessionTokens_areBoundAndJoinTheTransactor() {
    User user = User.of(new UserId(UUID.randomUUID()), "tokens-" + UUID.randomUUID());
    SessionToken token =
        new SessionToken(
            TokenHash.of(user.handle().getBytes(StandardCharsets.UTF_8)), user.id(), Instant.EPOCH);

    component
        .transactor()
        .inTransaction(
            () -> {
              component.users().addUser(user);
              component.sessionTokens().insert(token);
              return null;
            });

    assertThat(component.sessionTokens().findByHash(token.hash())).contains(token);
  }

  @Test
  void singletons_areSharedWithinTheComponent() {
    assertThat(component.dataSource()).isSameAs(component.dataSource());
    assertThat(component.transactor()).isSameAs(component.transactor());
    assertThat(component.auditLog()).isSameAs(component.auditLog());
  }
}
