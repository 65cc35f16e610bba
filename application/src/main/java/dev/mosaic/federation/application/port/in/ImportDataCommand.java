package dev.mosaic.federation.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code mosaic data import <tasks|notes|memory|credentials> <file.jsonl> --user <handle> [--team
 * <name>]}. The CLI parses the file, one JSON object per non-blank line.
 *
 * <p>Fields per resource (camelCase, as on the wire; any other field is an error): every resource
 * takes optional {@code id} (canonical UUID, generated when absent), {@code createdAt} (ISO-8601
 * instant, now when absent) and {@code updatedAt} (defaults to {@code createdAt}, never before it);
 * {@code tasks}: {@code title}, {@code status} (strings, required), {@code priority} (integer,
 * default 0), {@code dueAt} (instant or null); {@code notes}: {@code title}, {@code body}; {@code
 * memory}: {@code kind}, {@code content}; {@code credentials}: {@code name}, {@code secret}. The
 * owner is {@code user}; the team, when given, is {@code team} (the user must be a member).
 *
 * @param resource the resource's wire name, unchecked
 */
public record ImportDataCommand(
    String resource, List<ImportRow> rows, String user, Optional<String> team) {
  public ImportDataCommand {
    Objects.requireNonNull(resource, "resource");
    rows = List.copyOf(rows);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(team, "team");
  }

  @Override
  public String toString() {
    return "ImportDataCommand[" + resource + ", " + rows.size() + " rows, user " + user + "]";
  }
}
