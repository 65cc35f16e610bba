package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.ReadAuditCommand;
import dev.mosaic.federation.application.port.out.AuditQuery;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.config.Durations;
import dev.mosaic.federation.domain.audit.AuditEvent;
import dev.mosaic.federation.domain.grant.GrantId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mosaic federation audit}: the serving side's audit rows, oldest first. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = {
      "Print this gateway's federation audit rows (one per federated request and lifecycle"
          + " event), oldest first. Rows older than 90 days are moved to the cold table daily by"
          + " gateway serve; --historical includes them.",
      "Exit 2: invalid --grant, --since or --limit."
    })
final class AuditCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(names = "--json", description = "Print one JSON object per line.")
  boolean json;

  @Option(names = "--grant", paramLabel = "<id>", description = "Only rows of this grant.")
  String grant;

  @Option(
      names = "--since",
      paramLabel = "<ts>",
      description =
          "Only rows at or after this instant (2026-03-01T10:00:00Z) or this long ago (24h).")
  String since;

  @Option(names = "--historical", description = "Also rows moved to the cold table.")
  boolean historical;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      description = "At most this many rows (default 1000).")
  int limit = 1000;

  AuditCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<GrantId> grantId = Optional.empty();
    if (grant != null) {
      try {
        grantId = Optional.of(new GrantId(UUID.fromString(grant)));
      } catch (IllegalArgumentException e) {
        return context.fail(ExitCode.USAGE, "--grant: expected a grant id (a UUID)");
      }
    }
    Optional<Instant> from = Optional.empty();
    if (since != null) {
      from = parseSince(since);
      if (from.isEmpty()) {
        return context.fail(
            ExitCode.USAGE,
            "--since: expected an instant like 2026-03-01T10:00:00Z or a duration like 24h");
      }
    }
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      return context.fail(ExitCode.USAGE, "--limit: must be between 1 and " + AuditQuery.MAX_LIMIT);
    }
    List<AuditEvent> rows;
    try (GatewayServices gateway = config.open(context)) {
      rows = gateway.readAudit().read(new ReadAuditCommand(grantId, from, historical, limit));
    }
    if (json) {
      for (AuditEvent row : rows) {
        try {
          context.out().println(Json.MAPPER.writeValueAsString(toJson(row)));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot write JSON", e);
        }
      }
    } else {
      Table table =
          new Table(
              "OCCURRED", "EVENT", "OUTCOME", "STATUS", "GRANT", "RESOURCE", "ROWS", "REASON");
      for (AuditEvent row : rows) {
        table.row(
            row.occurredAt().toString(),
            row.event(),
            row.outcome().wireName(),
            text(row.statusCode()),
            row.grantId().map(g -> g.value().toString()).orElse("-"),
            row.resource().orElse("-"),
            text(row.rowsOut()),
            row.reason().orElse("-"));
      }
      table.print(context.out());
    }
    return ExitCode.OK;
  }

  private static Optional<Instant> parseSince(String text) {
    Optional<Duration> ago = Durations.parse(text);
    if (ago.isPresent()) {
      return Optional.of(Instant.now().minus(ago.get()));
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode toJson(AuditEvent row) {
    ObjectNode node = Json.object();
    node.put("id", row.id().value().toString());
    node.put("occurredAt", row.occurredAt().toString());
    node.put("requestId", row.requestId().map(r -> r.value().toString()).orElse(null));
    node.put("traceId", row.traceId().orElse(null));
    node.put("event", row.event());
    node.put("grantId", row.grantId().map(g -> g.value().toString()).orElse(null));
    node.put("peerId", row.peerId().map(p -> p.value().toString()).orElse(null));
    node.put("subjectUserId", row.subjectUserId().map(u -> u.value().toString()).orElse(null));
    node.put("certFingerprint", row.certFingerprint().map(f -> f.hex()).orElse(null));
    node.put("resource", row.resource().orElse(null));
    node.put("queryHash", row.queryHash().map(h -> h.hex()).orElse(null));
    node.put("outcome", row.outcome().wireName());
    node.put("reason", row.reason().orElse(null));
    putNumber(node, "statusCode", row.statusCode());
    putNumber(node, "rowsOut", row.rowsOut());
    putNumber(node, "bytesOut", row.bytesOut());
    putNumber(node, "latencyMs", row.latencyMs());
    return node;
  }

  private static void putNumber(ObjectNode node, String field, OptionalInt value) {
    if (value.isPresent()) {
      node.put(field, value.getAsInt());
    } else {
      node.putNull(field);
    }
  }

  private static void putNumber(ObjectNode node, String field, OptionalLong value) {
    if (value.isPresent()) {
      node.put(field, value.getAsLong());
    } else {
      node.putNull(field);
    }
  }

  private static String text(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "-";
  }

  private static String text(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
  }
}
