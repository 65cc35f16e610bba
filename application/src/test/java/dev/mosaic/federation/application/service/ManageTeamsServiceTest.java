package dev.mosaic.federation.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.fake.InMemoryStores;
import dev.mosaic.federation.application.fake.SequentialIdGenerator;
import dev.mosaic.federation.application.port.in.AddTeamMemberResult;
import dev.mosaic.federation.application.port.in.AddTeamResult;
import dev.mosaic.federation.application.port.in.TeamView;
import dev.mosaic.federation.domain.fixtures.Times;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.User;
import dev.mosaic.federation.domain.user.UserId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageTeamsServiceTest {
  private final InMemoryStores stores = new InMemoryStores();
  private final ManageTeamsService service =
      new ManageTeamsService(stores.users(), new SequentialIdGenerator());

  private User user(String handle) {
    User user = User.of(new UserId(UUID.randomUUID()), handle);
    stores.users().addUser(user);
    return user;
  }

  private Team team(String name) {
    return ((AddTeamResult.Added) service.addTeam(name)).team();
  }

  @Test
  void addTeam_newName_storesIt() {
    AddTeamResult result = service.addTeam(" platform ");

    assertThat(result).isInstanceOf(AddTeamResult.Added.class);
    assertThat(stores.users().findTeamByName("platform"))
        .contains(((AddTeamResult.Added) result).team());
  }

  @Test
  void addTeam_takenName_isDuplicate() {
    team("platform");

    assertThat(service.addTeam("platform")).isEqualTo(new AddTeamResult.DuplicateName("platform"));
    assertThat(stores.users().listTeams()).hasSize(1);
  }

  @Test
  void addTeam_blankOrTooLongName_isInvalid() {
    assertThat(service.addTeam("  ")).isInstanceOf(AddTeamResult.InvalidName.class);
    assertThat(service.addTeam("x".repeat(129))).isInstanceOf(AddTeamResult.InvalidName.class);
    assertThat(stores.users().listTeams()).isEmpty();
  }

  @Test
  void addMember_knownTeamAndUser_addsTheMembership() {
    Team platform = team("platform");
    User alice = user("alice");

    assertThat(service.addMember("platform", "alice"))
        .isEqualTo(new AddTeamMemberResult.Added(platform, alice));
    assertThat(stores.users().membersOf(platform.id())).containsExactly(alice.id());
  }

  @Test
  void addMember_twice_isAlreadyMember() {
    Team platform = team("platform");
    User alice = user("alice");
    service.addMember("platform", "alice");

    assertThat(service.addMember("platform", "alice"))
        .isEqualTo(new AddTeamMemberResult.AlreadyMember(platform, alice));
  }

  @Test
  void addMember_unknownTeamOrUser_isRefused() {
    team("platform");
    User gone = user("gone");
    stores.users().markUserDeleted(gone.id(), Times.T0);
    user("alice");

    assertThat(service.addMember("nope", "alice"))
        .isEqualTo(new AddTeamMemberResult.UnknownTeam("nope"));
    assertThat(service.addMember("platform", "nobody"))
        .isEqualTo(new AddTeamMemberResult.UnknownUser("nobody"));
    assertThat(service.addMember("platform", "gone"))
        .isEqualTo(new AddTeamMemberResult.UnknownUser("gone"));
    assertThat(
            stores.users().membersOf(stores.users().findTeamByName("platform").orElseThrow().id()))
        .isEmpty();
  }

  @Test
  void list_teams_withMembersOrderedByHandle() {
    Team platform = team("platform");
    Team design = team("design");
    User carol = user("carol");
    User alice = user("alice");
    service.addMember("platform", "carol");
    service.addMember("platform", "alice");

    assertThat(service.list())
        .containsExactly(
            new TeamView(design, List.of()), new TeamView(platform, List.of(alice, carol)));
  }
}
