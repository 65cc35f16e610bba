package dev.mosaic.federation.application.port.in;

import dev.mosaic.federation.domain.scope.Resource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The outcome of {@link ImportDataUseCase#importRows}. Only {@link Imported} wrote anything. */
public sealed interface ImportDataResult {
  /** 0: every row was stored, in one transaction. */
  record Imported(Resource resource, int count) implements ImportDataResult {
    public Imported {
      Objects.requireNonNull(resource, "resource");
    }
  }

  /**
   * 2: not an importable resource ({@code tasks}, {@code notes}, {@code memory}, {@code
   * credentials}).
   */
  record UnknownResource(String name) implements ImportDataResult {}

  /** 3: no undeleted user has that handle. */
  record UnknownUser(String handle) implements ImportDataResult {}

  /** 3: no team has that name. */
  record UnknownTeam(String name) implements ImportDataResult {}

  /** 4: the user is not a member of the team. */
  record NotAMember(String team, String handle) implements ImportDataResult {}

  /** 1: rows break the format; every problem names its line and field. Nothing was written. */
  record InvalidRows(List<RowProblem> problems) implements ImportDataResult {
    public InvalidRows {
      problems = List.copyOf(problems);
    }
  }

  /** 4: a row's id exists already in the store. Nothing was written. */
  record DuplicateId(int line, UUID id) implements ImportDataResult {}

  /** A problem with one field of one line. */
  record RowProblem(int line, String field, String message) {
    public RowProblem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    /** E.g. {@code line 3, field 'title': must be a string}. */
    public String describe() {
      return "line " + line + ", field '" + field + "': " + message;
    }
  }
}
