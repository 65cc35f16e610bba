package dev.mosaic.federation.adapters.persistence;

import static dev.mosaic.federation.adapters.persistence.generated.Tables.CREDENTIALS;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.MEMORY;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.NOTES;
import static dev.mosaic.federation.adapters.persistence.generated.Tables.TASKS;

import dev.mosaic.federation.domain.access.EffectiveFilter;
import dev.mosaic.federation.domain.resource.CredentialItem;
import dev.mosaic.federation.domain.resource.MemoryItem;
import dev.mosaic.federation.domain.resource.NoteItem;
import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.resource.TaskItem;
import dev.mosaic.federation.domain.scope.Resource;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * How one resource of the reference schema is stored: its table, the columns every resource has,
 * the text its keyword index covers, and how a row becomes a domain item.
 *
 * @param searchText the expression inside {@code to_tsvector('simple', …)} — exactly the one the
 *     GIN index of V001 was built on, so that keyword search uses it
 */
record ResourceTable(
    Table<?> table,
    Field<UUID> id,
    Field<UUID> owner,
    Field<UUID> team,
    Field<Instant> createdAt,
    Field<Instant> updatedAt,
    Field<String> searchText,
    Function<Record, ResourceItem> toItem) {

  /** The table of {@code resource}; empty for {@code api_keys}, which has no domain item. */
  static Optional<ResourceTable> of(Resource resource) {
    return switch (resource) {
      case TASKS -> Optional.of(TASKS_TABLE);
      case NOTES -> Optional.of(NOTES_TABLE);
      case MEMORY -> Optional.of(MEMORY_TABLE);
      case CREDENTIALS -> Optional.of(CREDENTIALS_TABLE);
      case API_KEYS -> Optional.empty();
    };
  }

  /** Rows {@code filter} admits: personal rows of its owner (if included) and its teams' rows. */
  Condition visibleTo(EffectiveFilter filter) {
    Condition personal =
        filter.includePersonal()
            ? team.isNull().and(owner.eq(filter.owner().value()))
            : DSL.falseCondition();
    Condition teams =
        filter.teams().isEmpty()
            ? DSL.falseCondition()
            : team.in(filter.teams().stream().map(TeamId::value).toList());
    return personal.or(teams);
  }

  /** {@code to_tsvector('simple', searchText) @@ plainto_tsquery('simple', text)}. */
  Condition matches(String text) {
    return DSL.condition("{0} @@ {1}", document(), query(text));
  }

  Field<Double> rank(String text) {
    return DSL.field("ts_rank({0}, {1})", Double.class, document(), query(text));
  }

  private Field<Object> document() {
    return DSL.field("to_tsvector('simple', {0})", Object.class, searchText);
  }

  private static Field<Object> query(String text) {
    return DSL.field("plainto_tsquery('simple', {0})", Object.class, DSL.val(text));
  }

  private static Optional<TeamId> team(UUID team) {
    return Optional.ofNullable(team).map(TeamId::new);
  }

  private static final ResourceTable TASKS_TABLE =
      new ResourceTable(
          TASKS,
          TASKS.ID,
          TASKS.OWNER_USER_ID,
          TASKS.TEAM_ID,
          TASKS.CREATED_AT,
          TASKS.UPDATED_AT,
          TASKS.TITLE,
          r ->
              new TaskItem(
                  r.get(TASKS.ID),
                  new UserId(r.get(TASKS.OWNER_USER_ID)),
                  team(r.get(TASKS.TEAM_ID)),
                  r.get(TASKS.TITLE),
                  r.get(TASKS.STATUS),
                  r.get(TASKS.PRIORITY),
                  Optional.ofNullable(r.get(TASKS.DUE_AT)),
                  r.get(TASKS.CREATED_AT),
                  r.get(TASKS.UPDATED_AT)));

  private static final ResourceTable NOTES_TABLE =
      new ResourceTable(
          NOTES,
          NOTES.ID,
          NOTES.OWNER_USER_ID,
          NOTES.TEAM_ID,
          NOTES.CREATED_AT,
          NOTES.UPDATED_AT,
          DSL.field("{0} || ' ' || {1}", String.class, NOTES.TITLE, NOTES.BODY),
          r ->
              new NoteItem(
                  r.get(NOTES.ID),
                  new UserId(r.get(NOTES.OWNER_USER_ID)),
                  team(r.get(NOTES.TEAM_ID)),
                  r.get(NOTES.TITLE),
                  r.get(NOTES.BODY),
                  r.get(NOTES.CREATED_AT),
                  r.get(NOTES.UPDATED_AT)));

  private static final ResourceTable MEMORY_TABLE =
      new ResourceTable(
          MEMORY,
          MEMORY.ID,
          MEMORY.OWNER_USER_ID,
          MEMORY.TEAM_ID,
          MEMORY.CREATED_AT,
          MEMORY.UPDATED_AT,
          MEMORY.CONTENT,
          r ->
              new MemoryItem(
                  r.get(MEMORY.ID),
                  new UserId(r.get(MEMORY.OWNER_USER_ID)),
                  team(r.get(MEMORY.TEAM_ID)),
                  r.get(MEMORY.KIND),
                  r.get(MEMORY.CONTENT),
                  r.get(MEMORY.CREATED_AT),
                  r.get(MEMORY.UPDATED_AT)));

  /** Searched by name only; the secret is never searched. */
  private static final ResourceTable CREDENTIALS_TABLE =
      new ResourceTable(
          CREDENTIALS,
          CREDENTIALS.ID,
          CREDENTIALS.OWNER_USER_ID,
          CREDENTIALS.TEAM_ID,
          CREDENTIALS.CREATED_AT,
          CREDENTIALS.UPDATED_AT,
          CREDENTIALS.NAME,
          r ->
              new CredentialItem(
                  r.get(CREDENTIALS.ID),
                  new UserId(r.get(CREDENTIALS.OWNER_USER_ID)),
                  team(r.get(CREDENTIALS.TEAM_ID)),
                  r.get(CREDENTIALS.NAME),
                  r.get(CREDENTIALS.SECRET),
                  r.get(CREDENTIALS.CREATED_AT),
                  r.get(CREDENTIALS.UPDATED_AT)));
}
