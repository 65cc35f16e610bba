package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.TEAMS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.TEAM_MEMBERS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.USERS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.TeamsRecord;
import dev.mosaic.federation.adapters.persistence.generated.tables.records.UsersRecord;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code users}, {@code teams} and {@code team_members} of the reference schema. */
final class JooqUserDirectory implements UserDirectory {
  private final JooqTransactor db;

  @Inject
  JooqUserDirectory(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public InsertOutcome addUser(User user) {
    int inserted =
        db.call(
            "adding a user",
            dsl ->
                dsl.insertInto(USERS)
                    .set(
                        new UsersRecord(
                            user.id().value(),
                            user.handle(),
                            Columns.orNull(user.displayName()),
                            Columns.micros(user.deletedAt())))
                    .onConflictDoNothing()
                    .execute());
    return inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.DUPLICATE;
  }

  @Override
  public Optional<User> findUserById(UserId id) {
    return db.call(
        "finding a user",
        dsl ->
            dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id.value()))
                .fetchOptional(JooqUserDirectory::toUser));
  }

  @Override
  public Optional<User> findUserByHandle(String handle) {
    return db.call(
        "finding a user",
        dsl ->
            dsl.selectFrom(USERS)
                .where(USERS.HANDLE.eq(handle))
                .fetchOptional(JooqUserDirectory::toUser));
  }

  @Override
  public List<User> listUsers() {
    return db.call(
        "listing users",
        dsl ->
            dsl.selectFrom(USERS)
                .orderBy(USERS.HANDLE.collate("C"))
                .fetch(JooqUserDirectory::toUser));
  }

  @Override
  public boolean markUserDeleted(UserId id, Instant at) {
    return db.call(
            "deleting a user",
            dsl ->
                dsl.update(USERS)
                    .set(USERS.DELETED_AT, Columns.micros(at))
                    .where(USERS.ID.eq(id.value()))
                    .and(USERS.DELETED_AT.isNull())
                    .execute())
        == 1;
  }

  @Override
  public InsertOutcome addTeam(Team team) {
    int inserted =
        db.call(
            "adding a team",
            dsl ->
                dsl.insertInto(TEAMS)
                    .set(new TeamsRecord(team.id().value(), team.name()))
                    .onConflictDoNothing()
                    .execute());
    return inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.DUPLICATE;
  }

  @Override
  public Optional<Team> findTeamById(TeamId id) {
    return db.call(
        "finding a team",
        dsl ->
            dsl.selectFrom(TEAMS)
                .where(TEAMS.ID.eq(id.value()))
                .fetchOptional(JooqUserDirectory::toTeam));
  }

  @Override
  public Optional<Team> findTeamByName(String name) {
    return db.call(
        "finding a team",
        dsl ->
            dsl.selectFrom(TEAMS)
                .where(TEAMS.NAME.eq(name))
                .fetchOptional(JooqUserDirectory::toTeam));
  }

  @Override
  public List<Team> listTeams() {
    return db.call(
        "listing teams",
        dsl ->
            dsl.selectFrom(TEAMS)
                .orderBy(TEAMS.NAME.collate("C"))
                .fetch(JooqUserDirectory::toTeam));
  }

  @Override
  public boolean addMember(TeamId team, UserId user) {
    return db.call(
            "adding a team member",
            dsl ->
                dsl.insertInto(TEAM_MEMBERS)
                    .set(TEAM_MEMBERS.TEAM_ID, team.value())
                    .set(TEAM_MEMBERS.USER_ID, user.value())
                    .onConflictDoNothing()
                    .execute())
        == 1;
  }

  @Override
  public Set<UserId> membersOf(TeamId team) {
    return db.call(
        "listing team members",
        dsl ->
            dsl
                .select(TEAM_MEMBERS.USER_ID)
                .from(TEAM_MEMBERS)
                .where(TEAM_MEMBERS.TEAM_ID.eq(team.value()))
                .fetch(TEAM_MEMBERS.USER_ID)
                .stream()
                .map(UserId::new)
                .collect(Collectors.toUnmodifiableSet()));
  }

  private static User toUser(UsersRecord row) {
    return new User(
        new UserId(row.getId()),
        row.getHandle(),
        Optional.ofNullable(row.getDisplayName()),
        Optional.ofNullable(row.getDeletedAt()));
  }

  private static Team toTeam(TeamsRecord row) {
    return new Team(new TeamId(row.getId()), row.getName());
  }
}
