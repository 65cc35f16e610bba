package dev.mosaic.federation.bootstrap.cli;

import dev.mosaic.federation.application.port.in.QueryCommand;
import dev.mosaic.federation.application.port.in.QueryResult;
import dev.mosaic.federation.application.port.in.SourceStatus;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.domain.user.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mosaic federation query <list|get|search|capabilities> <resource> [id] --local-user
 * <handle> [--query text]}: the requesting side's query (SPEC §5.2), run in-process for one local
 * user exactly as the session API runs it for a bearer token's user.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Query as a local user: its own rows (source local), one of its links (federated:<peer>)"
          + " or both (all, the default). Prints the items, each tagged with its source, then one"
          + " status line per source and any notice.",
      "Exit 0: answered (also when some sources failed), 2: invalid query, 3: no such local user"
          + " or peer, 5: every federated source asked failed (offline, refused, revoked)."
    })
final class FederationQueryCommand implements Callable<Integer> {
  static final int MAX_CELL = 60;

  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print the answer as JSON: {items, sources, partial}.")
  boolean json;

  @Option(
      names = "--local-user",
      required = true,
      paramLabel = "<handle>",
      description = "The local user the query acts for.")
  String localUser;

  @Option(
      names = "--source",
      paramLabel = "<source>",
      defaultValue = "all",
      description = "local, federated:<peer> or all (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(
      names = "--query",
      paramLabel = "<text>",
      description = "For search: the words to look for (1-256 characters).")
  String query;

  @Option(names = "--limit", paramLabel = "<n>", description = "At most this many rows.")
  Long limit;

  @Option(
      names = "--cursor",
      paramLabel = "<cursor>",
      description = "Continue a listing (one source only) from a nextCursor printed before.")
  String cursor;

  @Option(
      names = "--session",
      paramLabel = "<id>",
      defaultValue = "cli",
      description = "Session id: the unit of 'tell me once' notices (default: ${DEFAULT-VALUE}).")
  String session;

  @Parameters(index = "0", paramLabel = "<list|get|search|capabilities>")
  String verb;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<resource>",
      description =
          "tasks, notes, memory, … (not for capabilities; for search optional: every resource)")
  String resource;

  @Parameters(index = "2", arity = "0..1", paramLabel = "<id>", description = "For get: a UUID.")
  String id;

  FederationQueryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (verb.equals("search") && query == null) {
      return context.fail(ExitCode.USAGE, "--query is required for search");
    }
    if (!verb.equals("search") && query != null) {
      return context.fail(ExitCode.USAGE, "--query is only taken by search");
    }
    if (!verb.equals("capabilities") && !verb.equals("search") && resource == null) {
      return context.fail(ExitCode.USAGE, "<resource> is required for " + verb);
    }
    if (verb.equals("get") && id == null) {
      return context.fail(ExitCode.USAGE, "<id> is required for get");
    }
    if (!verb.equals("get") && id != null) {
      return context.fail(ExitCode.USAGE, "<id> is only taken by get");
    }
    QueryResult result;
    try (GatewayServices gateway = config.open(context)) {
      Optional<User> user =
          gateway.userDirectory().findUserByHandle(localUser).filter(u -> !u.isDeleted());
      if (user.isEmpty()) {
        return context.fail(ExitCode.NOT_FOUND, "no local user has the handle '" + localUser + "'");
      }
      result =
          gateway
              .query()
              .query(
                  new QueryCommand(
                      user.get().id(),
                      session,
                      source,
                      verb,
                      resource == null ? "" : resource,
                      Optional.ofNullable(id),
                      Optional.ofNullable(query),
                      limit == null ? OptionalLong.empty() : OptionalLong.of(limit),
                      Optional.ofNullable(cursor)));
    }
    return switch (result) {
      case QueryResult.Answered answered -> {
        if (json) {
          Json.print(context.out(), Json.MAPPER.valueToTree(answered.toWire()));
        } else {
          print(answered, context.out());
        }
        yield everyPeerFailed(answered.sources()) ? ExitCode.REMOTE : ExitCode.OK;
      }
      case QueryResult.Invalid invalid -> context.fail(ExitCode.USAGE, invalid.message());
      case QueryResult.NoSuchPeer noSuchPeer ->
          context.fail(
              ExitCode.NOT_FOUND, localUser + " has no link named '" + noSuchPeer.peerName() + "'");
      case QueryResult.UnknownUser unknown ->
          context.fail(ExitCode.NOT_FOUND, "no local user has the handle '" + localUser + "'");
    };
  }

  /** True when at least one peer was asked and none answered {@code ok}. */
  static boolean everyPeerFailed(List<SourceStatus> sources) {
    List<SourceStatus> peers = sources.stream().filter(s -> !s.name().equals("local")).toList();
    return !peers.isEmpty() && peers.stream().noneMatch(SourceStatus::isOk);
  }

  /** Items as a table (one column per field, the source first), then one line per source. */
  static void print(QueryResult.Answered answered, PrintWriter out) {
    List<Map<String, Object>> items =
        answered.hits()
            ? answered.items().stream().map(FederationQueryCommand::flatten).toList()
            : answered.items();
    if (items.isEmpty()) {
      out.println("(no items)");
    } else {
      Set<String> fields = new LinkedHashSet<>();
      items.forEach(item -> fields.addAll(item.keySet()));
      fields.remove("_source");
      fields.remove("_cached");
      boolean anyCached = items.stream().anyMatch(i -> Boolean.TRUE.equals(i.get("_cached")));
      List<String> header = new ArrayList<>();
      header.add("SOURCE");
      fields.forEach(f -> header.add(f.toUpperCase(java.util.Locale.ROOT)));
      if (anyCached) {
        header.add("CACHED");
      }
      Table table = new Table(header.toArray(String[]::new));
      for (Map<String, Object> item : items) {
        List<String> row = new ArrayList<>();
        row.add(cell(item.get("_source")));
        fields.forEach(f -> row.add(cell(item.get(f))));
        if (anyCached) {
          row.add(Boolean.TRUE.equals(item.get("_cached")) ? "yes" : "-");
        }
        table.row(row.toArray(String[]::new));
      }
      table.print(out);
    }
    for (SourceStatus status : answered.sources()) {
      out.println(statusLine(status));
      status.notice().ifPresent(notice -> out.println("notice: " + notice));
    }
  }

  /** A search hit as one row: resource, score, then the item's fields. */
  private static Map<String, Object> flatten(Map<String, Object> hit) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("_source", hit.get("_source"));
    row.put("resource", hit.get("resource"));
    row.put("score", hit.get("score"));
    if (hit.get("item") instanceof Map<?, ?> item) {
      item.forEach((k, v) -> row.put(String.valueOf(k), v));
    } else {
      row.put("id", hit.get("id"));
    }
    return row;
  }

  static String statusLine(SourceStatus status) {
    StringBuilder line = new StringBuilder("source ").append(status.name()).append(": ");
    line.append(status.status().wireName());
    status.errorCode().ifPresent(code -> line.append(' ').append(code));
    status.message().ifPresent(message -> line.append(" — ").append(message));
    status.retryAfterMs().ifPresent(ms -> line.append(" (retry after ").append(ms).append(" ms)"));
    status.nextCursor().ifPresent(c -> line.append(" (more: --cursor ").append(c).append(')'));
    return line.toString();
  }

  private static String cell(Object value) {
    String text =
        switch (value) {
          case null -> "-";
          case List<?> list -> list.stream().map(String::valueOf).collect(Collectors.joining(","));
          case Map<?, ?> map ->
              map.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(","));
          default -> String.valueOf(value);
        };
    text = text.replaceAll("\\s+", " ");
    return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
  }
}
