package dev.mosaic.federation.acceptance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seeds a gateway's reference schema (SPEC §12) directly over JDBC, as an outside check may: users,
 * teams and memberships, and rows of {@code tasks}, {@code notes}, {@code memory} and {@code
 * credentials} with chosen owners, teams and {@code created_at} (so that many rows can share one
 * instant). Every row's text names its owner and team, which makes leak reports readable.
 */
final class ReferenceData {
  /** One instant shared by many rows: keyset paging must still return each exactly once. */
  static final Instant SAME_INSTANT = Instant.parse("2025-03-01T09:00:00Z");

  private final GatewayDatabase database;

  ReferenceData(GatewayDatabase database) {
    this.database = database;
  }

  UUID user(String handle) {
    UUID id = UUID.randomUUID();
    update("insert into users (id, handle, display_name) values (?, ?, ?)", id, handle, handle);
    return id;
  }

  UUID team(String name, UUID... members) {
    UUID id = UUID.randomUUID();
    update("insert into teams (id, name) values (?, ?)", id, name);
    for (UUID member : members) {
      update("insert into team_members (team_id, user_id) values (?, ?)", id, member);
    }
    return id;
  }

  /**
   * {@code count} rows of {@code resource} ({@code tasks}, {@code notes}, {@code memory} or {@code
   * credentials}) owned by {@code owner}, in {@code team} (null: personal), all created at {@code
   * createdAt}; returns their ids.
   */
  List<UUID> rows(String resource, UUID owner, UUID team, int count, Instant createdAt) {
    String sql =
        switch (resource) {
          case "tasks" ->
              "insert into tasks (id, owner_user_id, team_id, title, created_at, updated_at)"
                  + " values (?, ?, ?, ?, ?, ?)";
          case "notes" ->
              "insert into notes (id, owner_user_id, team_id, title, created_at, updated_at, body)"
                  + " values (?, ?, ?, ?, ?, ?, 'body')";
          case "memory" ->
              "insert into memory (id, owner_user_id, team_id, content, created_at, updated_at,"
                  + " kind) values (?, ?, ?, ?, ?, ?, 'fact')";
          case "credentials" ->
              "insert into credentials (id, owner_user_id, team_id, secret, created_at,"
                  + " updated_at, name) values (?, ?, ?, ?, ?, ?, 'key')";
          default -> throw new IllegalArgumentException(resource);
        };
    List<UUID> ids = new ArrayList<>();
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        s.setObject(1, id);
        s.setObject(2, owner);
        s.setObject(3, team);
        s.setString(4, text(resource, owner, team, id));
        s.setTimestamp(5, Timestamp.from(createdAt));
        s.setTimestamp(6, Timestamp.from(createdAt));
        s.addBatch();
        ids.add(id);
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot seed " + resource, e);
    }
    return ids;
  }

  /** The title, content or secret of a seeded row. */
  static String text(String resource, UUID owner, UUID team, UUID id) {
    return (resource.equals("credentials") ? "secret-" : resource + " of ")
        + owner
        + (team == null ? " personal " : " team " + team + " ")
        + id;
  }

  private void update(String sql, Object... parameters) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("seeding failed: " + sql, e);
    }
  }
}
