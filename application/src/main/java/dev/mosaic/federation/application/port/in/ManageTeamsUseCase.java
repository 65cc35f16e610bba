package dev.mosaic.federation.application.port.in;

import java.util.List;

/**
 * {@code mosaic team add <name> | member add <team> <handle> | list}.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 */
public interface ManageTeamsUseCase {
  AddTeamResult addTeam(String name);

  AddTeamMemberResult addMember(String teamName, String handle);

  /** Every team with its members, ordered by name. */
  List<TeamView> list();
}
