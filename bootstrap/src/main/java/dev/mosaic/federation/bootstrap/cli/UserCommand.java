package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.AddUserCommand;
import dev.mosaic.federation.application.port.in.AddUserResult;
import dev.mosaic.federation.application.port.in.DeleteUserResult;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mosaic user add|list|delete|token}: the gateway's local accounts. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Manage the local users of this gateway.")
final class UserCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  UserCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a local user; prints its id. Exit 2: invalid handle, 4: handle taken.")
  int add(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the user as JSON.") boolean json,
      @Option(names = "--display-name", paramLabel = "<name>", description = "Display name.")
          String displayName,
      @Parameters(paramLabel = "<handle>", description = "a-z, 0-9, '.', '_', '-' (1-64).")
          String handle) {
    AddUserResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.users().add(new AddUserCommand(handle, Optional.ofNullable(displayName)));
    }
    return switch (result) {
      case AddUserResult.Added added -> {
        if (json) {
          Json.print(context.out(), Json.user(added.user()));
        } else {
          context.out().println(added.user().id().value());
        }
        yield ExitCode.OK;
      }
      case AddUserResult.Invalid invalid -> context.fail(ExitCode.USAGE, invalid.message());
      case AddUserResult.DuplicateHandle duplicate ->
          context.fail(
              ExitCode.CONFLICT, "a user with handle '" + duplicate.handle() + "' exists already");
    };
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the local users, deleted ones included.")
  int list(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print a JSON array.") boolean json) {
    List<User> users;
    try (GatewayServices gateway = config.open(context)) {
      users = gateway.users().list();
    }
    if (json) {
      ArrayNode array = Json.array();
      users.forEach(u -> array.add(Json.user(u)));
      Json.print(context.out(), array);
    } else {
      Table table = new Table("HANDLE", "ID", "DISPLAY NAME", "DELETED");
      for (User u : users) {
        table.row(
            u.handle(),
            u.id().value().toString(),
            u.displayName().orElse("-"),
            u.deletedAt().map(Instant::toString).orElse("-"));
      }
      table.print(context.out());
    }
    return ExitCode.OK;
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Mark a user deleted, drop their session tokens and revoke every grant whose subject they"
            + " are.",
        "Exit 3: no such user, 4: already deleted."
      })
  int delete(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the outcome as JSON.") boolean json,
      @Parameters(paramLabel = "<handle>") String handle) {
    DeleteUserResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.users().delete(handle);
    }
    return switch (result) {
      case DeleteUserResult.Deleted deleted -> {
        deleted.warnings().forEach(context::warn);
        List<String> revoked =
            deleted.revokedGrants().stream().map(GrantId::value).map(Object::toString).toList();
        if (json) {
          ObjectNode node = Json.user(deleted.user());
          ArrayNode grants = node.putArray("revokedGrants");
          revoked.forEach(grants::add);
          Json.print(context.out(), node);
        } else {
          context
              .out()
              .println(
                  "deleted user "
                      + deleted.user().handle()
                      + (revoked.isEmpty()
                          ? ""
                          : "; revoked grant" + (revoked.size() == 1 ? " " : "s ") + revoked));
        }
        yield ExitCode.OK;
      }
      case DeleteUserResult.NotFound notFound ->
          context.fail(ExitCode.NOT_FOUND, "no user has the handle '" + notFound.handle() + "'");
      case DeleteUserResult.AlreadyDeleted already ->
          context.fail(
              ExitCode.CONFLICT, "user '" + already.user().handle() + "' is already deleted");
    };
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = {
        "Mint a bearer token for the user's session API and print it (once: only its hash is"
            + " stored).",
        "Exit 3: no such user."
      })
  int token(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print user and token as JSON.") boolean json,
      @Parameters(paramLabel = "<handle>") String handle) {
    IssueSessionTokenResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.sessionTokens().issue(handle);
    }
    return switch (result) {
      case IssueSessionTokenResult.Issued issued -> {
        if (json) {
          ObjectNode node = Json.object();
          node.put("user", issued.user().handle());
          node.put("token", issued.token().value());
          Json.print(context.out(), node);
        } else {
          context.out().println(issued.token().value());
        }
        yield ExitCode.OK;
      }
      case IssueSessionTokenResult.UnknownUser unknown ->
          context.fail(ExitCode.NOT_FOUND, "no user has the handle '" + unknown.handle() + "'");
    };
  }
}
