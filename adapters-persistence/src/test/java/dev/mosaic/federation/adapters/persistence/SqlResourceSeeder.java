package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.contract.ResourceSeeder;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Seeds the reference schema with plain SQL, the way an outside check would (SPEC §12), so that the
 * store is read-tested independently of {@link JooqResourceImporter}.
 */
final class SqlResourceSeeder implements ResourceSeeder {
  private final TestDatabase database;

  SqlResourceSeeder(TestDatabase database) {
    this.database = database;
  }

  @Override
  public UserId newUser() {
    UUID id = UUID.randomUUID();
    update("insert into users (id, handle) values (?, ?)", id, "u-" + id);
    return new UserId(id);
  }

  @Override
  public TeamId newTeam(Set<UserId> members) {
    UUID id = UUID.randomUUID();
    update("insert into teams (id, name) values (?, ?)", id, "team " + id);
    for (UserId member : members) {
      update("insert into team_members (team_id, user_id) values (?, ?)", id, member.value());
    }
    return new TeamId(id);
  }

  @Override
  public void insert(ResourceItem item) {
    UUID team = item.teamId().map(TeamId::value).orElse(null);
    switch (item) {
      case TaskItem t ->
          update(
              "insert into tasks (id, owner_user_id, team_id, title, status, priority, due_at,"
                  + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              t.id(),
              t.ownerUserId().value(),
              team,
              t.title(),
              t.status(),
              t.priority(),
              timestamp(t.dueAt()),
              timestamp(t.createdAt()),
              timestamp(t.updatedAt()));
      case NoteItem n ->
          update(
              "insert into notes (id, owner_user_id, team_id, title, body, created_at,"
                  + " updated_at) values (?, ?, ?, ?, ?, ?, ?)",
              n.id(),
              n.ownerUserId().value(),
              team,
              n.title(),
              n.body(),
              timestamp(n.createdAt()),
              timestamp(n.updatedAt()));
      case MemoryItem m ->
          update(
              "insert into memory (id, owner_user_id, team_id, kind, content, created_at,"
                  + " updated_at) values (?, ?, ?, ?, ?, ?, ?)",
              m.id(),
              m.ownerUserId().value(),
              team,
              m.kind(),
              m.content(),
              timestamp(m.createdAt()),
              timestamp(m.updatedAt()));
      case CredentialItem c ->
          update(
              "insert into credentials (id, owner_user_id, team_id, name, secret, created_at,"
                  + " updated_at) values (?, ?, ?, ?, ?, ?, ?)",
              c.id(),
              c.ownerUserId().value(),
              team,
              c.name(),
              c.secret(),
              timestamp(c.createdAt()),
              timestamp(c.updatedAt()));
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Timestamp timestamp(Optional<Instant> instant) {
    return instant.map(Timestamp::from).orElse(null);
  }

  private void update(String sql, Object... values) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("seeding failed: " + sql, e);
    }
  }
}
