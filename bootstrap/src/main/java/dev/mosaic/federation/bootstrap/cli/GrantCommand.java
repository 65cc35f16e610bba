package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeCommand;
import dev.mosaic.federation.application.port.in.ChangeGrantScopeResult;
import dev.mosaic.federation.application.port.in.CreateGrantCommand;
import dev.mosaic.federation.application.port.in.CreateGrantResult;
import dev.mosaic.federation.application.port.in.GrantView;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenCommand;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenResult;
import dev.mosaic.federation.application.port.in.RevokeGrantCommand;
import dev.mosaic.federation.application.port.in.RevokeGrantResult;
import dev.mosaic.federation.application.port.in.ShowGrantResult;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.ConfigKeys;
import dev.mosaic.federation.bootstrap.config.Durations;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import dev.mosaic.federation.domain.enrollment.EnrollmentToken;
import dev.mosaic.federation.domain.grant.Grant;
import dev.mosaic.federation.domain.grant.GrantId;
import dev.mosaic.federation.domain.pki.PinnedCertificate;
import dev.mosaic.federation.domain.scope.ScopeViolation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
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

/** {@code mosaic federation grant create|list|show|token|revoke}: the serving side's grants. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Manage the grants this gateway serves (the serving side, B).")
final class GrantCommand implements Runnable {
  private static final ObjectMapper SCOPE_READER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final CliContext context;

  @Spec CommandSpec spec;

  GrantCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a pending grant for one requesting gateway (created if new) and one subject user;"
            + " prints the grant id. Warnings (e.g. a sensitive resource) go to stderr.",
        "Exit 2: invalid scope (each problem names its field), unknown --user, invalid --peer"
            + " or --expires-in. Nothing is written then."
      })
  int create(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the grant as JSON.") boolean json,
      @Option(
              names = "--user",
              required = true,
              paramLabel = "<handle|uuid>",
              description = "The subject user, whose data the grant exposes.")
          String user,
      @Option(
              names = "--peer",
              required = true,
              paramLabel = "<name>",
              description = "The requesting gateway's name, e.g. home.example.")
          String peer,
      @Option(
              names = "--scope",
              required = true,
              paramLabel = "<file|json>",
              description = "The scope document (SPEC §6): a file, or the JSON itself.")
          String scope,
      @Option(
              names = "--expires-in",
              paramLabel = "<duration>",
              description = "Expire the grant after this long, e.g. 90d.")
          String expiresIn) {
    Optional<Duration> expiry = Optional.empty();
    if (expiresIn != null) {
      expiry = Durations.parse(expiresIn);
      if (expiry.isEmpty()) {
        return context.fail(
            ExitCode.USAGE, "--expires-in: expected a duration like 90d, 720h or 30m");
      }
    }
    Object document;
    try {
      document = readScope(scope);
    } catch (IllegalArgumentException e) {
      return context.fail(ExitCode.USAGE, e.getMessage() + "; no grant was created");
    }
    CreateGrantResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.createGrant().create(new CreateGrantCommand(user, peer, document, expiry));
    }
    return switch (result) {
      case CreateGrantResult.Created created -> {
        created.warnings().forEach(context::warn);
        Grant grant = created.grant();
        if (json) {
          ObjectNode node = Json.object();
          node.put("id", grant.id().value().toString());
          node.put("peer", created.peer().name().value());
          node.put("peerId", created.peer().id().value().toString());
          node.put("peerCreated", created.peerCreated());
          node.put("subjectUserId", grant.subjectUserId().value().toString());
          node.put("status", grant.status().wireName());
          node.put("expiresAt", grant.expiresAt().map(Instant::toString).orElse(null));
          ArrayNode warnings = node.putArray("warnings");
          created.warnings().forEach(warnings::add);
          Json.print(context.out(), node);
        } else {
          context.out().println(grant.id().value());
        }
        yield ExitCode.OK;
      }
      case CreateGrantResult.InvalidScope invalid ->
          invalidScope(invalid.violations(), "no grant was created");
      // Named by an option, so a usage error (SPEC §5.1: rejected with a clear message).
      case CreateGrantResult.UnknownSubject unknown ->
          context.fail(
              ExitCode.USAGE,
              "--user: no user '" + unknown.subject() + "' on this gateway; no grant was created");
      case CreateGrantResult.InvalidPeerName invalid ->
          context.fail(ExitCode.USAGE, "--peer: " + invalid.message());
      case CreateGrantResult.InvalidExpiry invalid ->
          context.fail(ExitCode.USAGE, "--expires-in: " + invalid.message());
    };
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every grant, oldest first, with its status as of now.")
  int list(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print a JSON array.") boolean json) {
    List<GrantView> grants;
    try (GatewayServices gateway = config.open(context)) {
      grants = gateway.listGrants().list();
    }
    if (json) {
      ArrayNode array = Json.array();
      grants.forEach(g -> array.add(Json.grant(g)));
      Json.print(context.out(), array);
    } else {
      Table table = new Table("ID", "PEER", "SUBJECT", "STATUS", "CREATED", "EXPIRES");
      for (GrantView g : grants) {
        table.row(
            g.grant().id().value().toString(),
            g.peerName().value(),
            g.subjectHandle().orElse(g.grant().subjectUserId().value().toString()),
            g.effectiveStatus().wireName(),
            g.grant().createdAt().toString(),
            g.grant().expiresAt().map(Instant::toString).orElse("never"));
      }
      table.print(context.out());
    }
    return ExitCode.OK;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one grant: scope, status, times and pinned certificates. Exit 3: none.")
  int show(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the grant as JSON.") boolean json,
      @Parameters(paramLabel = "<grant-id>") String id) {
    Optional<GrantId> grantId = parseGrantId(id);
    if (grantId.isEmpty()) {
      return context.fail(ExitCode.USAGE, "'" + id + "' is not a grant id (a UUID)");
    }
    ShowGrantResult result;
    try (GatewayServices gateway = config.open(context)) {
      result = gateway.showGrant().show(grantId.get());
    }
    return switch (result) {
      case ShowGrantResult.Found found -> {
        if (json) {
          Json.print(context.out(), Json.grant(found.grant()));
        } else {
          printGrant(found.grant(), context.out());
        }
        yield ExitCode.OK;
      }
      case ShowGrantResult.NotFound notFound ->
          context.fail(ExitCode.NOT_FOUND, "no grant " + notFound.grantId());
    };
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = {
        "Mint a single-use enrollment token for a pending grant (or an active one, to re-enroll)"
            + " and print the enrollment URL for the requesting gateway's operator.",
        "Exit 2: invalid TTL, 3: no such grant, 4: the grant is revoked or expired."
      })
  int token(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print URL and expiry as JSON.") boolean json,
      @Option(
              names = "--ttl",
              paramLabel = "<duration>",
              description = "How long the token is valid (at most and by default 15m).")
          String ttl,
      @Parameters(paramLabel = "<grant-id>") String id) {
    Optional<GrantId> grantId = parseGrantId(id);
    if (grantId.isEmpty()) {
      return context.fail(ExitCode.USAGE, "'" + id + "' is not a grant id (a UUID)");
    }
    Duration lifetime = EnrollmentToken.DEFAULT_TTL;
    if (ttl != null) {
      Optional<Duration> parsed = Durations.parse(ttl);
      if (parsed.isEmpty()) {
        return context.fail(ExitCode.USAGE, "--ttl: expected a duration like 15m or 300s");
      }
      lifetime = parsed.get();
    }
    GatewayConfig loaded = config.load(context.environment());
    Optional<URI> publicUrl = loaded.federation().publicUrl();
    if (publicUrl.isEmpty()) {
      return context.fail(
          ExitCode.ERROR,
          ConfigKeys.FEDERATION_PUBLIC_URL + ": required to build an enrollment URL, and not set");
    }
    IssueEnrollmentTokenResult result;
    try (GatewayServices gateway = context.wiring().apply(loaded)) {
      result =
          gateway
              .issueEnrollmentToken()
              .issue(new IssueEnrollmentTokenCommand(grantId.get(), lifetime));
    }
    return switch (result) {
      case IssueEnrollmentTokenResult.Issued issued -> {
        String url = issued.enrollmentUrl(publicUrl.get()).format();
        if (json) {
          ObjectNode node = Json.object();
          node.put("url", url);
          node.put("grantId", issued.grantId().value().toString());
          node.put("expiresAt", issued.expiresAt().toString());
          Json.print(context.out(), node);
        } else {
          context.out().println(url);
        }
        yield ExitCode.OK;
      }
      case IssueEnrollmentTokenResult.GrantNotFound notFound ->
          context.fail(ExitCode.NOT_FOUND, "no grant " + notFound.grantId());
      case IssueEnrollmentTokenResult.GrantNotEligible notEligible ->
          context.fail(
              ExitCode.CONFLICT,
              "grant "
                  + notEligible.grantId()
                  + " is "
                  + notEligible.status().wireName()
                  + "; tokens are minted only for pending or active grants");
      case IssueEnrollmentTokenResult.InvalidTtl invalid ->
          context.fail(ExitCode.USAGE, "--ttl: " + invalid.message());
    };
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {
        "Revoke a grant for good: its certificates go to the revoked list and the CA revokes"
            + " them.",
        "Exit 3: no such grant, 4: already revoked."
      })
  int revoke(
      @Mixin ConfigOption config,
      @Option(names = "--reason", paramLabel = "<text>", description = "Recorded in the audit.")
          String reason,
      @Parameters(paramLabel = "<grant-id>") String id) {
    Optional<GrantId> grantId = parseGrantId(id);
    if (grantId.isEmpty()) {
      return context.fail(ExitCode.USAGE, "'" + id + "' is not a grant id (a UUID)");
    }
    RevokeGrantResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway
              .revokeGrant()
              .revoke(new RevokeGrantCommand(grantId.get(), Optional.ofNullable(reason)));
    }
    return switch (result) {
      case RevokeGrantResult.Revoked revoked -> {
        revoked.warnings().forEach(context::warn);
        context
            .out()
            .println(
                "revoked grant "
                    + revoked.grant().id()
                    + " ("
                    + revoked.certificates().size()
                    + " certificate"
                    + (revoked.certificates().size() == 1 ? "" : "s")
                    + " on the revoked list)");
        yield ExitCode.OK;
      }
      case RevokeGrantResult.NotFound notFound ->
          context.fail(ExitCode.NOT_FOUND, "no grant " + notFound.grantId());
      case RevokeGrantResult.AlreadyRevoked already ->
          context.fail(ExitCode.CONFLICT, "grant " + already.grant().id() + " is already revoked");
    };
  }

  @Command(
      name = "scope",
      mixinStandardHelpOptions = true,
      description = {
        "Replace the scope of a pending or active grant; the very next request it serves uses the"
            + " new scope. Warnings (e.g. a sensitive resource) go to stderr.",
        "Exit 2: invalid scope (each problem names its field; nothing is written), 3: no such"
            + " grant, 4: the grant is revoked or expired."
      })
  int scope(
      @Mixin ConfigOption config,
      @Option(
              names = "--scope",
              required = true,
              paramLabel = "<file|json>",
              description = "The new scope document (SPEC §6): a file, or the JSON itself.")
          String scope,
      @Parameters(paramLabel = "<grant-id>") String id) {
    Optional<GrantId> grantId = parseGrantId(id);
    if (grantId.isEmpty()) {
      return context.fail(ExitCode.USAGE, "'" + id + "' is not a grant id (a UUID)");
    }
    Object document;
    try {
      document = readScope(scope);
    } catch (IllegalArgumentException e) {
      return context.fail(ExitCode.USAGE, e.getMessage() + "; the scope was not changed");
    }
    ChangeGrantScopeResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway
              .changeGrantScope()
              .changeScope(new ChangeGrantScopeCommand(grantId.get(), document));
    }
    return switch (result) {
      case ChangeGrantScopeResult.Changed changed -> {
        changed.warnings().forEach(context::warn);
        context.out().println("changed the scope of grant " + changed.grant().id());
        yield ExitCode.OK;
      }
      case ChangeGrantScopeResult.InvalidScope invalid ->
          invalidScope(invalid.violations(), "the scope was not changed");
      case ChangeGrantScopeResult.NotFound notFound ->
          context.fail(ExitCode.NOT_FOUND, "no grant " + notFound.grantId());
      case ChangeGrantScopeResult.NotChangeable notChangeable ->
          context.fail(
              ExitCode.CONFLICT,
              "grant "
                  + notChangeable.grantId()
                  + " is "
                  + notChangeable.status().wireName()
                  + "; only a pending or active grant's scope can change");
    };
  }

  /** One line saying the scope is invalid, then one line per problem naming its field. */
  private int invalidScope(List<ScopeViolation> violations, String consequence) {
    context.fail(
        ExitCode.USAGE,
        "the scope is invalid ("
            + violations.size()
            + (violations.size() == 1 ? " problem" : " problems")
            + "); "
            + consequence);
    for (ScopeViolation violation : violations) {
      context.err().println("  " + violation.field() + ": " + violation.message());
    }
    return ExitCode.USAGE;
  }

  /**
   * The scope document as a generic JSON tree: {@code value} itself when it looks like JSON, else
   * the content of the file it names.
   *
   * @throws IllegalArgumentException saying what is wrong, naming {@code --scope}
   */
  static Object readScope(String value) {
    String text = value.strip();
    String source = "--scope";
    if (!text.startsWith("{") && !text.startsWith("[")) {
      Path file;
      try {
        file = Path.of(value);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("--scope: neither JSON nor a file name");
      }
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "--scope: no such file " + file + " (give a file or the JSON itself)");
      }
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("--scope: cannot read " + file + ": " + e.getMessage());
      }
      source = "--scope " + file;
    }
    try {
      Object tree = SCOPE_READER.readValue(text, Object.class);
      if (tree == null) {
        throw new IllegalArgumentException(source + ": empty; expected a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      throw new IllegalArgumentException(source + ": invalid JSON" + where + ": " + why);
    }
  }

  private static Optional<GrantId> parseGrantId(String text) {
    try {
      return Optional.of(GrantId.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void printGrant(GrantView view, PrintWriter out) {
    Grant grant = view.grant();
    out.println("grant      " + grant.id());
    out.println("status     " + view.effectiveStatus().wireName());
    out.println("peer       " + view.peerName() + " (" + grant.peerId() + ")");
    out.println(
        "subject    "
            + view.subjectHandle().orElse("(unknown)")
            + " ("
            + grant.subjectUserId()
            + ")");
    out.println("created    " + grant.createdAt());
    out.println("expires    " + grant.expiresAt().map(Instant::toString).orElse("never"));
    grant.activatedAt().ifPresent(t -> out.println("activated  " + t));
    grant.revokedAt().ifPresent(t -> out.println("revoked    " + t));
    grant.revokeReason().ifPresent(r -> out.println("reason     " + r));
    try {
      out.println("scope      " + Json.MAPPER.writeValueAsString(grant.scope().toJsonTree()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the scope", e);
    }
    printPin("current", grant.pinnedCertificates().current(), out);
    printPin("previous", grant.pinnedCertificates().previous(), out);
  }

  private static void printPin(String slot, Optional<PinnedCertificate> pin, PrintWriter out) {
    pin.ifPresent(
        p ->
            out.println(
                String.format("%-10s ", slot)
                    + "sha256:"
                    + p.fingerprint().hex()
                    + " serial "
                    + p.serialNumber()
                    + " until "
                    + p.notAfter()));
  }
}
