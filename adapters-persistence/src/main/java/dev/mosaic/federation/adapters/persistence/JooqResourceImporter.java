package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.CREDENTIALS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.MEMORY;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.NOTES;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.TASKS;

import dev.mosaic.federation.adapters.persistence.generated.tables.records.CredentialsRecord;
import dev.mosaic.federation.adapters.persistence.generated.tables.records.MemoryRecord;
import dev.mosaic.federation.adapters.persistence.generated.tables.records.NotesRecord;
import dev.mosaic.federation.adapters.persistence.generated.tables.records.TasksRecord;
import dev.mosaic.federation.application.port.out.InsertOutcome;
import dev.mosaic.federation.application.port.out.ResourceImporter;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.user.TeamId;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jooq.DSLContext;

/** Writes rows of the reference schema; an existing id is reported, not overwritten. */
final class JooqResourceImporter implements ResourceImporter {
  private final JooqTransactor db;

  @Inject
  JooqResourceImporter(JooqTransactor db) {
    this.db = db;
  }

  @Override
  public InsertOutcome insert(ResourceItem item) {
    int inserted = db.call("importing " + item.resource().wireName(), dsl -> insert(dsl, item));
    return inserted == 1 ? InsertOutcome.INSERTED : InsertOutcome.DUPLICATE;
  }

  private static int insert(DSLContext dsl, ResourceItem item) {
    UUID team = item.teamId().map(TeamId::value).orElse(null);
    return switch (item) {
      case TaskItem t ->
          dsl.insertInto(TASKS)
              .set(
                  new TasksRecord(
                      t.id(),
                      t.ownerUserId().value(),
                      team,
                      t.title(),
                      t.status(),
                      t.priority(),
                      Columns.micros(t.dueAt()),
                      Columns.micros(t.createdAt()),
                      Columns.micros(t.updatedAt())))
              .onConflictDoNothing()
              .execute();
      case NoteItem n ->
          dsl.insertInto(NOTES)
              .set(
                  new NotesRecord(
                      n.id(),
                      n.ownerUserId().value(),
                      team,
                      n.title(),
                      n.body(),
                      Columns.micros(n.createdAt()),
                      Columns.micros(n.updatedAt())))
              .onConflictDoNothing()
              .execute();
      case MemoryItem m ->
          dsl.insertInto(MEMORY)
              .set(
                  new MemoryRecord(
                      m.id(),
                      m.ownerUserId().value(),
                      team,
                      m.kind(),
                      m.content(),
                      Columns.micros(m.createdAt()),
                      Columns.micros(m.updatedAt())))
              .onConflictDoNothing()
              .execute();
      case CredentialItem c ->
          dsl.insertInto(CREDENTIALS)
              .set(
                  new CredentialsRecord(
                      c.id(),
                      c.ownerUserId().value(),
                      team,
                      c.name(),
                      c.secret(),
                      Columns.micros(c.createdAt()),
                      Columns.micros(c.updatedAt())))
              .onConflictDoNothing()
              .execute();
    };
  }
}
