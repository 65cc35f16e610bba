package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.TEAM_MEMBERS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.USERS;

import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A user's native access, read fresh from {@code users} and {@code team_members} in one statement
 * on every call.
 */
final class JooqNativeAccessDirectory implements NativeAccessDirectory {
  private final JooqTransactor db;

  @Inject
  JooqNativeAccessDirectory(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public Optional<NativeAccess> find(UserId user) {
    return db.call(
        "reading a user's access",
        dsl -> {
          var rows =
              dsl.select(USERS.ID, TEAM_MEMBERS.TEAM_ID)
                  .from(USERS)
                  .leftJoin(TEAM_MEMBERS)
                  .on(TEAM_MEMBERS.USER_ID.eq(USERS.ID))
                  .where(USERS.ID.eq(user.value()))
                  .and(USERS.DELETED_AT.isNull())
                  .fetch();
          if (rows.isEmpty()) {
            return Optional.empty();
          }
          Set<TeamId> teams = new HashSet<>();
          for (var row : rows) {
            UUID team = row.get(TEAM_MEMBERS.TEAM_ID);
            if (team != null) {
              teams.add(new TeamId(team));
            }
          }
          return Optional.of(new NativeAccess(user, teams));
        });
  }
}
