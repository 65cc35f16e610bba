package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.AddTeamMemberResult;
import dev.mosaic.federation.application.port.in.AddTeamResult;
import dev.mosaic.federation.application.port.in.TeamView;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.domain.user.User;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mosaic team add|member add|list}: groups of local users. */
@Command(
    name = "team",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Manage the teams of this gateway.",
    subcommands = TeamCommand.Member.class)
final class TeamCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  TeamCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a team; prints its id. Exit 2: invalid name, 4: name taken.")
  int add(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the team as JSON.") boolean json,
      @Parameters(paramLabel = "<name>") String name) {
    AddTeamResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.teams().addTeam(name);
    }
    return switch (result) {
      case AddTeamResult.Added added -> {
        if (json) {
          Json.print(context.out(), Json.team(new TeamView(added.team(), List.of())));
        } else {
          context.out().println(added.team().id().value());
        }
        yield ExitCode.OK;
      }
      case AddTeamResult.InvalidName invalid -> context.fail(ExitCode.USAGE, invalid.message());
      case AddTeamResult.DuplicateName duplicate ->
          context.fail(ExitCode.CONFLICT, "a team named '" + duplicate.name() + "' exists already");
    };
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the teams with their members.")
  int list(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print a JSON array.") boolean json) {
    List<TeamView> teams;
    try (GatewayServices gateway = config.open(context)) {
      teams = gateway.teams().list();
    }
    if (json) {
      ArrayNode array = Json.array();
      teams.forEach(t -> array.add(Json.team(t)));
      Json.print(context.out(), array);
    } else {
      Table table = new Table("NAME", "ID", "MEMBERS");
      for (TeamView t : teams) {
        String members = t.members().stream().map(User::handle).collect(Collectors.joining(","));
        table.row(
            t.team().name(), t.team().id().value().toString(), members.isEmpty() ? "-" : members);
      }
      table.print(context.out());
    }
    return ExitCode.OK;
  }

  /** {@code mosaic team member add <team> <handle>}. */
  @Command(
      name = "member",
      mixinStandardHelpOptions = true,
      description = "Manage the members of a team.")
  static final class Member implements Runnable {
    private final CliContext context;

    @Spec CommandSpec spec;

    Member(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "missing command");
    }

    @Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Add a user to a team. Exit 3: no such team or user, 4: already a member.")
    int add(
        @Mixin ConfigOption config,
        @Option(names = "--json", description = "Print the team and user as JSON.") boolean json,
        @Parameters(index = "0", paramLabel = "<team>") String team,
        @Parameters(index = "1", paramLabel = "<handle>") String handle) {
      AddTeamMemberResult result;
      try (GatewayServices gateway = config.open(context)) {
        result = gateway.teams().addMember(team, handle);
      }
      return switch (result) {
        case AddTeamMemberResult.Added added -> {
          if (json) {
            ObjectNode node = Json.object();
            node.put("team", added.team().name());
            node.put("teamId", added.team().id().value().toString());
            node.put("user", added.user().handle());
            node.put("userId", added.user().id().value().toString());
            Json.print(context.out(), node);
          } else {
            context
                .out()
                .println("added " + added.user().handle() + " to team " + added.team().name());
          }
          yield ExitCode.OK;
        }
        case AddTeamMemberResult.UnknownTeam unknown ->
            context.fail(ExitCode.NOT_FOUND, "no team is named '" + unknown.name() + "'");
        case AddTeamMemberResult.UnknownUser unknown ->
            context.fail(ExitCode.NOT_FOUND, "no user has the handle '" + unknown.handle() + "'");
        case AddTeamMemberResult.AlreadyMember already ->
            context.fail(
                ExitCode.CONFLICT,
                already.user().handle() + " is already a member of team " + already.team().name());
      };
    }
  }
}
