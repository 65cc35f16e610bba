package dev.mosaic.federation.application.service;

import dev.mosaic.federation.application.port.in.ImportDataCommand;
import dev.mosaic.federation.application.port.in.ImportDataResult;
import dev.mosaic.federation.application.port.in.ImportDataResult.RowProblem;
import dev.mosaic.federation.application.port.in.ImportDataUseCase;
import dev.mosaic.federation.application.port.in.ImportRow;
import dev.mosaic.federation.application.port.out.IdGenerator;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.application.port.out.Transactor;
import dev.mosaic.federation.application.port.out.UserDirectory;
import dev.mosaic.federation.domain.common.Uuids;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.Team;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.User;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ImportDataUseCase}: every row is validated (all problems collected) before the first
 * write; the writes run in one transaction, rolled back when any id turns out to exist already.
 */
public class ImportDataService implements ImportDataUseCase {
  private static final List<Resource> IMPORTABLE =
      List.of(Resource.TASKS, Resource.NOTES, Resource.MEMORY, Resource.CREDENTIALS);

  private final Transactor transactor;
  private final UserDirectory users;
  private final ResourceImporter importer;
  private final IdGenerator ids;
  private final InstantSource clock;

  @Inject
  public ImportDataService(
      Transactor transactor,
      UserDirectory users,
      ResourceImporter importer,
      IdGenerator ids,
      InstantSource clock) {
    this.transactor = transactor;
    this.users = users;
    this.importer = importer;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public ImportDataResult importRows(ImportDataCommand command) {
    Optional<Resource> resource =
        Resource.fromWire(command.resource().strip()).filter(IMPORTABLE::contains);
    if (resource.isEmpty()) {
      return new ImportDataResult.UnknownResource(command.resource());
    }
    Optional<User> owner =
        users.findUserByHandle(command.user().strip()).filter(u -> !u.isDeleted());
    if (owner.isEmpty()) {
      return new ImportDataResult.UnknownUser(command.user());
    }
    Optional<TeamId> team = Optional.empty();
    if (command.team().isPresent()) {
      Optional<Team> found = users.findTeamByName(command.team().get().strip());
      if (found.isEmpty()) {
        return new ImportDataResult.UnknownTeam(command.team().get());
      }
      if (!users.membersOf(found.get().id()).contains(owner.get().id())) {
        return new ImportDataResult.NotAMember(command.team().get(), command.user());
      }
      team = Optional.of(found.get().id());
    }
    Instant now = Times.now(clock);
    List<RowProblem> problems = new ArrayList<>();
    List<ParsedRow> parsed = new ArrayList<>();
    Map<UUID, Integer> lineOfId = new HashMap<>();
    for (ImportRow row : command.rows()) {
      RowReader reader = new RowReader(row, problems);
      Optional<ResourceItem> item = reader.read(resource.get(), owner.get(), team, now, ids);
      if (item.isEmpty()) {
        continue;
      }
      Integer earlier = lineOfId.putIfAbsent(item.get().id(), row.line());
      if (earlier != null) {
        problems.add(
            new RowProblem(
                row.line(), "id", "duplicates the id on line " + earlier + " of the file"));
        continue;
      }
      parsed.add(new ParsedRow(row.line(), item.get()));
    }
    if (!problems.isEmpty()) {
      return new ImportDataResult.InvalidRows(problems);
    }
    try {
      transactor.inTransaction(
          () -> {
            for (ParsedRow row : parsed) {
              if (importer.insert(row.item()) == InsertOutcome.DUPLICATE) {
                throw new DuplicateRow(row);
              }
            }
            return null;
          });
    } catch (DuplicateRow duplicate) {
      return new ImportDataResult.DuplicateId(duplicate.row.line(), duplicate.row.item().id());
    }
    return new ImportDataResult.Imported(resource.get(), parsed.size());
  }

  private record ParsedRow(int line, ResourceItem item) {}

  /** Rolls the import back; never leaves this class. */
  private static final class DuplicateRow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ParsedRow row;

    DuplicateRow(ParsedRow row) {
      super("duplicate id on line " + row.line(), null, false, false);
      this.row = row;
    }
  }

  /** Reads one row's fields, adding a problem for each one that is missing, mistyped or unknown. */
  private static final class RowReader {
    private static final List<String> COMMON = List.of("id", "createdAt", "updatedAt");

    private final ImportRow row;
    private final List<RowProblem> problems;
    private final int problemsBefore;

    RowReader(ImportRow row, List<RowProblem> problems) {
      this.row = row;
      this.problems = problems;
      this.problemsBefore = problems.size();
    }

    Optional<ResourceItem> read(
        Resource resource, User owner, Optional<TeamId> team, Instant now, IdGenerator ids) {
      List<String> known = new ArrayList<>(COMMON);
      known.addAll(fieldsOf(resource));
      for (String field : row.fields().keySet()) {
        if (!known.contains(field)) {
          problem(field, "unknown field; " + resource.wireName() + " takes " + known);
        }
      }
      Optional<UUID> id = optionalId();
      Instant createdAt = optionalInstant("createdAt").orElse(now);
      Instant updatedAt = optionalInstant("updatedAt").orElse(createdAt);
      if (updatedAt.isBefore(createdAt)) {
        problem("updatedAt", "must not be before createdAt");
      }
      ResourceItem item =
          switch (resource) {
            case TASKS -> {
              String title = requiredText("title", true);
              String status = requiredText("status", true);
              int priority = optionalInt("priority").orElse(0);
              Optional<Instant> dueAt = optionalInstant("dueAt");
              yield ok()
                  ? new TaskItem(
                      id.orElseGet(ids::newId),
                      owner.id(),
                      team,
                      title,
                      status,
                      priority,
                      dueAt,
                      createdAt,
                      updatedAt)
                  : null;
            }
            case NOTES -> {
              String title = requiredText("title", true);
              String body = requiredText("body", false);
              yield ok()
                  ? new NoteItem(
                      id.orElseGet(ids::newId), owner.id(), team, title, body, createdAt, updatedAt)
                  : null;
            }
            case MEMORY -> {
              String kind = requiredText("kind", true);
              String content = requiredText("content", false);
              yield ok()
                  ? new MemoryItem(
                      id.orElseGet(ids::newId),
                      owner.id(),
                      team,
                      kind,
                      content,
                      createdAt,
                      updatedAt)
                  : null;
            }
            case CREDENTIALS -> {
              String name = requiredText("name", true);
              String secret = requiredText("secret", false);
              yield ok()
                  ? new CredentialItem(
                      id.orElseGet(ids::newId),
                      owner.id(),
                      team,
                      name,
                      secret,
                      createdAt,
                      updatedAt)
                  : null;
            }
            case API_KEYS -> throw new IllegalArgumentException("api_keys are not importable");
          };
      return Optional.ofNullable(item);
    }

    private static List<String> fieldsOf(Resource resource) {
      return switch (resource) {
        case TASKS -> List.of("title", "status", "priority", "dueAt");
        case NOTES -> List.of("title", "body");
        case MEMORY -> List.of("kind", "content");
        case CREDENTIALS -> List.of("name", "secret");
        case API_KEYS -> List.of();
      };
    }

    private boolean ok() {
      return problems.size() == problemsBefore;
    }

    private void problem(String field, String message) {
      problems.add(new RowProblem(row.line(), field, message));
    }

    private String requiredText(String field, boolean notBlank) {
      Object value = row.fields().get(field);
      if (value == null) {
        problem(field, "is required");
        return null;
      }
      if (!(value instanceof String text)) {
        problem(field, "must be a string");
        return null;
      }
      if (notBlank && text.isBlank()) {
        problem(field, "must not be blank");
        return null;
      }
      return text;
    }

    private Optional<UUID> optionalId() {
      Object value = row.fields().get("id");
      if (value == null) {
        return Optional.empty();
      }
      Optional<UUID> id =
          value instanceof String text ? Uuids.tryParseCanonical(text) : Optional.empty();
      if (id.isEmpty()) {
        problem("id", "must be a UUID in canonical form");
      }
      return id;
    }

    private Optional<Instant> optionalInstant(String field) {
      Object value = row.fields().get(field);
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof String text) {
        try {
          return Optional.of(Times.micros(Instant.parse(text)));
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      problem(field, "must be an ISO-8601 instant, e.g. 2030-01-07T09:00:00Z");
      return Optional.empty();
    }

    private Optional<Integer> optionalInt(String field) {
      Object value = row.fields().get(field);
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof Number number) {
        try {
          return Optional.of(new BigDecimal(number.toString()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
          // reported below
        }
      }
      problem(field, "must be a whole number");
      return Optional.empty();
    }
  }
}
