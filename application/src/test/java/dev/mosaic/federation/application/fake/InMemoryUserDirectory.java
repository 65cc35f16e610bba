package dev.mosaic.federation.application.fake;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.NativeAccessDirectory;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link UserDirectory} and {@link NativeAccessDirectory} over the same maps. */
public final class InMemoryUserDirectory
    implements UserDirectory, NativeAccessDirectory, TransactionParticipant {
  private final Map<UserId, User> users = new LinkedHashMap<>();
  private final Map<TeamId, Team> teams = new LinkedHashMap<>();
  private final Map<TeamId, Set<UserId>> members = new HashMap<>();

  @Override
  public synchronized InsertOutcome addUser(User user) {
    if (users.containsKey(user.id()) || findUserByHandle(user.handle()).isPresent()) {
      return InsertOutcome.DUPLICATE;
    }
    users.put(user.id(), user);
    return InsertOutcome.INSERTED;
  }

  @Override
  public synchronized Optional<User> findUserById(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized Optional<User> findUserByHandle(String handle) {
    return users.values().stream().filter(u -> u.handle().equals(handle)).findFirst();
  }

  @Override
  public synchronized List<User> listUsers() {
    return users.values().stream().sorted(Comparator.comparing(User::handle)).toList();
  }

  @Override
  public synchronized boolean markUserDeleted(UserId id, Instant at) {
    User user = users.get(id);
    if (user == null || user.isDeleted()) {
      return false;
    }
    users.put(id, new User(id, user.handle(), user.displayName(), Optional.of(at)));
    return true;
  }

  @Override
  public synchronized InsertOutcome addTeam(Team team) {
    if (teams.containsKey(team.id()) || findTeamByName(team.name()).isPresent()) {
      return InsertOutcome.DUPLICATE;
    }
    teams.put(team.id(), team);
    members.put(team.id(), new HashSet<>());
    return InsertOutcome.INSERTED;
  }

  @Override
  public synchronized Optional<Team> findTeamById(TeamId id) {
    return Optional.ofNullable(teams.get(id));
  }

  @Override
  public synchronized Optional<Team> findTeamByName(String name) {
    return teams.values().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  @Override
  public synchronized List<Team> listTeams() {
    return teams.values().stream().sorted(Comparator.comparing(Team::name)).toList();
  }

  @Override
  public synchronized boolean addMember(TeamId team, UserId user) {
    if (!teams.containsKey(team) || !users.containsKey(user)) {
      throw new InfrastructureException("unknown team or user", false);
    }
    return members.get(team).add(user);
  }

  @Override
  public synchronized Set<UserId> membersOf(TeamId team) {
    return Set.copyOf(members.getOrDefault(team, Set.of()));
  }

  @Override
  public synchronized Optional<NativeAccess> find(UserId user) {
    User found = users.get(user);
    if (found == null || found.isDeleted()) {
      return Optional.empty();
    }
    Set<TeamId> memberOf = new HashSet<>();
    members.forEach(
        (team, ids) -> {
          if (ids.contains(user)) {
            memberOf.add(team);
          }
        });
    return Optional.of(new NativeAccess(user, memberOf));
  }

  @Override
  public synchronized Object snapshot() {
    Map<TeamId, Set<UserId>> membersCopy = new HashMap<>();
    members.forEach((k, v) -> membersCopy.put(k, new HashSet<>(v)));
    return new ArrayList<Object>(
        List.of(new LinkedHashMap<>(users), new LinkedHashMap<>(teams), membersCopy));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void restore(Object snapshot) {
    List<Object> parts = (List<Object>) snapshot;
    users.clear();
    users.putAll((Map<UserId, User>) parts.get(0));
    teams.clear();
    teams.putAll((Map<TeamId, Team>) parts.get(1));
    members.clear();
    members.putAll((Map<TeamId, Set<UserId>>) parts.get(2));
  }
}
