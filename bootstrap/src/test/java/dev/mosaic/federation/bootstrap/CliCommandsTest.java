package dev.mosaic.federation.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.federation.bootstrap.FakeGateway.Run;
import dev.mosaic.federation.bootstrap.config.ConfigFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin commands of SPEC §10 in-process, against the application's real use cases over
 * in-memory stores: what they print (text and {@code --json}), on which stream, and their exit
 * codes.
 */
class CliCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCOPE = "{\"resources\": [\"tasks\", \"notes\"]}";

  @TempDir Path dir;
  Path config;
  final FakeGateway gateway = new FakeGateway();

  @BeforeEach
  void writeConfig() throws IOException {
    config = Files.writeString(dir.resolve("mosaic.yaml"), ConfigFixtures.FEDERATED_LOCAL_CA);
  }

  // ---- users and teams ------------------------------------------------------------------------

  @Test
  void userAdd_printsTheNewId_andListShowsTheUser() throws Exception {
    Run added = mosaic("user", "add", "alice", "--display-name", "Alice A.");
    Run list = mosaic("user", "list", "--json");
    Run table = mosaic("user", "list");

    assertThat(added.code()).isZero();
    String id = added.out().strip();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    JsonNode users = JSON.readTree(list.out());
    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("handle").asText()).isEqualTo("alice");
    assertThat(users.get(0).get("id").asText()).isEqualTo(id);
    assertThat(users.get(0).get("displayName").asText()).isEqualTo("Alice A.");
    assertThat(table.out().lines()).first().asString().startsWith("HANDLE");
    assertThat(table.out()).contains("alice", id, "Alice A.");
    assertThat(gateway.closeCount).isEqualTo(3);
  }

  @Test
  void userAdd_takenHandle_exits4_invalidHandle_exits2() {
    mosaic("user", "add", "alice");

    Run taken = mosaic("user", "add", "alice");
    Run invalid = mosaic("user", "add", "Not A Handle");

    assertThat(taken.code()).isEqualTo(4);
    assertThat(taken.err()).isEqualTo("mosaic: a user with handle 'alice' exists already\n");
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).startsWith("mosaic: ");
    assertThat(taken.out() + invalid.out()).isEmpty();
  }

  @Test
  void userDelete_revokesTheGrantsOfItsSubject_unknownOrDeletedUser_exits3or4() {
    mosaic("user", "add", "alice");
    String grant =
        mosaic(
                "federation",
                "grant",
                "create",
                "--user",
                "alice",
                "--peer",
                "home.example",
                "--scope",
                SCOPE)
            .out()
            .strip();

    Run deleted = mosaic("user", "delete", "alice");
    Run again = mosaic("user", "delete", "alice");
    Run unknown = mosaic("user", "delete", "nobody");

    assertThat(deleted.code()).isZero();
    assertThat(deleted.out()).contains("deleted user alice").contains(grant);
    assertThat(mosaic("federation", "grant", "show", grant).out()).contains("status     revoked");
    assertThat(again.code()).isEqualTo(4);
    assertThat(unknown.code()).isEqualTo(3);
  }

  @Test
  void userToken_printsOnlyTheToken_unknownUser_exits3() {
    mosaic("user", "add", "alice");

    Run token = mosaic("user", "token", "alice");
    Run unknown = mosaic("user", "token", "nobody");

    assertThat(token.code()).isZero();
    assertThat(token.out().strip()).matches("[A-Za-z0-9_-]{43}");
    assertThat(token.err()).isEmpty();
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).isEqualTo("mosaic: no user has the handle 'nobody'\n");
  }

  @Test
  void teams_addMemberAndList_withExitCodesForUnknownAndDuplicate() throws Exception {
    mosaic("user", "add", "alice");

    Run team = mosaic("team", "add", "eng");
    Run member = mosaic("team", "member", "add", "eng", "alice");
    Run twice = mosaic("team", "member", "add", "eng", "alice");
    Run noTeam = mosaic("team", "member", "add", "ops", "alice");
    Run noUser = mosaic("team", "member", "add", "eng", "bob");
    Run duplicate = mosaic("team", "add", "eng");
    JsonNode teams = JSON.readTree(mosaic("team", "list", "--json").out());

    assertThat(team.code()).isZero();
    assertThat(member.out()).isEqualTo("added alice to team eng\n");
    assertThat(twice.code()).isEqualTo(4);
    assertThat(noTeam.code()).isEqualTo(3);
    assertThat(noUser.code()).isEqualTo(3);
    assertThat(duplicate.code()).isEqualTo(4);
    assertThat(teams).hasSize(1);
    assertThat(teams.get(0).get("id").asText()).isEqualTo(team.out().strip());
    assertThat(teams.get(0).get("members").get(0).asText()).isEqualTo("alice");
  }

  // ---- data import ----------------------------------------------------------------------------

  @Test
  void dataImport_jsonLines_importsEveryRow() throws Exception {
    mosaic("user", "add", "alice");
    Path file =
        Files.writeString(
            dir.resolve("tasks.jsonl"),
            """
            {"title": "write the report", "status": "open", "priority": 2}

            {"title": "review", "status": "done"}
            """);

    Run imported = mosaic("data", "import", "tasks", file.toString(), "--user", "alice");

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo("imported 2 rows into tasks for alice\n");
    assertThat(gateway.stores.resources().all()).hasSize(2);
  }

  @Test
  void dataImport_badLines_exit1_namingEachLine_andImportNothing() throws Exception {
    mosaic("user", "add", "alice");
    Path file =
        Files.writeString(
            dir.resolve("notes.jsonl"),
            """
            {"title": "fine", "body": "text"}
            {"title": "broken", "body":
            ["not", "an", "object"]
            """);
    Path unknownField =
        Files.writeString(
            dir.resolve("memory.jsonl"),
            """
            {"kind": "fact", "content": "x"}
            {"kind": "fact", "contents": "typo"}
            """);

    Run syntax = mosaic("data", "import", "notes", file.toString(), "--user", "alice");
    Run field = mosaic("data", "import", "memory", unknownField.toString(), "--user", "alice");
    Run rows =
        mosaic(
            "data", "import", "notes", file.toString().replace("notes", "none"), "--user", "alice");

    assertThat(syntax.code()).isEqualTo(1);
    assertThat(syntax.err())
        .startsWith("mosaic: " + file + ": 2 problems, nothing imported\n")
        .contains("  line 2, column ")
        .contains("invalid JSON")
        .contains("  line 3: expected a JSON object, found an array");
    assertThat(field.code()).isEqualTo(1);
    assertThat(field.err()).contains("line 2, field 'contents'");
    assertThat(rows.code()).isEqualTo(1);
    assertThat(rows.err()).contains("no such file");
    assertThat(gateway.stores.resources().all()).isEmpty();
  }

  @Test
  void dataImport_unknownResourceUserOrTeam_exits2or3or4() throws Exception {
    mosaic("user", "add", "alice");
    mosaic("team", "add", "eng");
    Path file = Files.writeString(dir.resolve("x.jsonl"), "{\"title\": \"t\", \"body\": \"b\"}\n");

    assertThat(mosaic("data", "import", "api_keys", file.toString(), "--user", "alice").code())
        .isEqualTo(2);
    assertThat(mosaic("data", "import", "notes", file.toString(), "--user", "bob").code())
        .isEqualTo(3);
    assertThat(
            mosaic("data", "import", "notes", file.toString(), "--user", "alice", "--team", "ops")
                .code())
        .isEqualTo(3);
    assertThat(
            mosaic("data", "import", "notes", file.toString(), "--user", "alice", "--team", "eng")
                .code())
        .isEqualTo(4);
  }

  // ---- grants ---------------------------------------------------------------------------------

  @Test
  void grantCreate_printsOnlyTheId_warningsGoToStderr_scopeFromAFile() throws Exception {
    mosaic("user", "add", "alice");
    Path scope =
        Files.writeString(
            dir.resolve("scope.json"), "{\"resources\": [\"tasks\", \"credentials\"]}");

    Run created =
        mosaic(
            "federation",
            "grant",
            "create",
            "--user",
            "alice",
            "--peer",
            "Home.Example",
            "--scope",
            scope.toString(),
            "--expires-in",
            "90d");
    JsonNode grants = JSON.readTree(mosaic("federation", "grant", "list", "--json").out());

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out().strip()).isEqualTo(grants.get(0).get("id").asText());
    assertThat(created.err()).startsWith("warning: ").contains("credentials");
    assertThat(grants.get(0).get("status").asText()).isEqualTo("pending");
    assertThat(grants.get(0).get("peer").asText()).isEqualTo("home.example");
    assertThat(grants.get(0).get("subject").asText()).isEqualTo("alice");
    assertThat(grants.get(0).get("expiresAt").asText()).isEqualTo("2026-05-30T10:00:00Z");
    assertThat(grants.get(0).get("scope").get("resources")).hasSize(2);
  }

  @Test
  void grantCreate_badInput_exits2_namingEachField_andWritesNothing() {
    mosaic("user", "add", "alice");

    Run scope =
        grantCreate(
            "alice", "{\"resources\": [\"taks\"], \"max_rows_per_query\": 0, \"extra\": 1}");
    Run empty = grantCreate("alice", "{\"resources\": []}");
    Run overlap =
        grantCreate("alice", "{\"resources\": [\"tasks\"], \"excluded_resources\": [\"tasks\"]}");
    Run unknownUser = grantCreate("nobody", SCOPE);
    Run notJson = grantCreate("alice", "{\"resources\": ");
    Run noFile = grantCreate("alice", dir.resolve("missing.json").toString());
    Run badExpiry =
        mosaic(
            "federation",
            "grant",
            "create",
            "--user",
            "alice",
            "--peer",
            "home.example",
            "--scope",
            SCOPE,
            "--expires-in",
            "soon");

    for (Run run : new Run[] {scope, empty, overlap, unknownUser, notJson, noFile, badExpiry}) {
      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
    }
    assertThat(scope.err())
        .startsWith("mosaic: the scope is invalid (3 problems); no grant was created\n")
        .contains("  resources[0]: ", "  max_rows_per_query: ", "  extra: ");
    assertThat(empty.err()).contains("  resources: ");
    assertThat(overlap.err()).contains("  excluded_resources");
    assertThat(unknownUser.err())
        .isEqualTo("mosaic: --user: no user 'nobody' on this gateway; no grant was created\n");
    assertThat(notJson.err()).startsWith("mosaic: --scope: invalid JSON at line 1");
    assertThat(noFile.err()).contains("--scope: no such file");
    assertThat(badExpiry.err()).contains("--expires-in");
    assertThat(mosaic("federation", "grant", "list", "--json").out().strip()).isEqualTo("[ ]");
  }

  @Test
  void grantToken_printsTheEnrollmentUrlOfPublicUrl_andRefusesWhatItMust() throws Exception {
    mosaic("user", "add", "alice");
    String grant = grantCreate("alice", SCOPE).out().strip();

    Run token = mosaic("federation", "grant", "token", grant);
    JsonNode json =
        JSON.readTree(mosaic("federation", "grant", "token", grant, "--ttl", "5m", "--json").out());
    Run tooLong = mosaic("federation", "grant", "token", grant, "--ttl", "16m");
    Run unknown = mosaic("federation", "grant", "token", UUID.randomUUID().toString());
    Run notAnId = mosaic("federation", "grant", "token", "grant-1");
    mosaic("federation", "grant", "revoke", grant);
    Run revoked = mosaic("federation", "grant", "token", grant);

    assertThat(token.code()).isZero();
    assertThat(token.out())
        .matches(
            "https://work\\.example:8443/api/federation/enrollment#token=[A-Za-z0-9_-]{43}"
                + "&pin=sha256:"
                + gateway.ca.rootFingerprint().hex()
                + "\n");
    assertThat(json.get("expiresAt").asText()).isEqualTo("2026-03-01T10:05:00Z");
    assertThat(json.get("url").asText()).isNotEqualTo(token.out().strip());
    assertThat(tooLong.code()).isEqualTo(2);
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(notAnId.code()).isEqualTo(2);
    assertThat(revoked.code()).isEqualTo(4);
    assertThat(revoked.err()).contains("revoked");
  }

  private static final String NOTES_ONLY = "{\"resources\": [\"notes\"]}";

  @Test
  void grantShowAndRevoke_exitCodes() throws Exception {
    mosaic("user", "add", "alice");
    String grant = grantCreate("alice", SCOPE).out().strip();

    JsonNode shown = JSON.readTree(mosaic("federation", "grant", "show", grant, "--json").out());
    Run revoked = mosaic("federation", "grant", "revoke", grant, "--reason", "left the company");
    Run again = mosaic("federation", "grant", "revoke", grant);
    Run missing = mosaic("federation", "grant", "show", UUID.randomUUID().toString());

    assertThat(shown.get("id").asText()).isEqualTo(grant);
    assertThat(shown.get("pinnedCertificates")).isEmpty();
    assertThat(revoked.code()).isZero();
    assertThat(revoked.out()).startsWith("revoked grant " + grant);
    assertThat(mosaic("federation", "grant", "show", grant).out())
        .contains("status     revoked", "reason     left the company");
    assertThat(again.code()).isEqualTo(4);
    assertThat(missing.code()).isEqualTo(3);
  }

  @Test
  void grantScope_replacesTheScope_orRefusesLikeCreate_andExitCodes() throws Exception {
    mosaic("user", "add", "alice");
    String grant = grantCreate("alice", SCOPE).out().strip();
    String revokedGrant = grantCreate("alice", SCOPE).out().strip();
    mosaic("federation", "grant", "revoke", revokedGrant);

    Run invalid =
        mosaic(
            "federation",
            "grant",
            "scope",
            grant,
            "--scope",
            "{\"resources\": [\"secrets\"], \"max_rows_per_query\": 0, \"extra\": 1}");
    Run notJson = mosaic("federation", "grant", "scope", grant, "--scope", "{nope");
    Run unknown =
        mosaic("federation", "grant", "scope", UUID.randomUUID().toString(), "--scope", NOTES_ONLY);
    Run revoked = mosaic("federation", "grant", "scope", revokedGrant, "--scope", NOTES_ONLY);
    JsonNode before = JSON.readTree(mosaic("federation", "grant", "show", grant, "--json").out());
    Run changed = mosaic("federation", "grant", "scope", grant, "--scope", NOTES_ONLY);

    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err())
        .startsWith("mosaic: the scope is invalid (3 problems); the scope was not changed\n")
        .contains("  resources[0]: ", "  max_rows_per_query: ", "  extra: ");
    assertThat(notJson.code()).isEqualTo(2);
    assertThat(notJson.err()).startsWith("mosaic: --scope: invalid JSON at line 1");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(revoked.code()).isEqualTo(4);
    assertThat(revoked.err()).contains("revoked");
    assertThat(before.get("scope").get("resources")).hasSizeGreaterThan(1);
    assertThat(changed.code()).as(changed.err()).isZero();
    assertThat(changed.out()).isEqualTo("changed the scope of grant " + grant + "\n");
    JsonNode after = JSON.readTree(mosaic("federation", "grant", "show", grant, "--json").out());
    assertThat(after.get("scope").get("resources").toString()).isEqualTo("[\"notes\"]");
  }

  // ---- links ----------------------------------------------------------------------------------

  @Test
  void peerCommands_withoutLinks_listEmpty_andExitCodes() {
    mosaic("user", "add", "alice");

    Run list = mosaic("federation", "peer", "list", "--json");
    Run unknownUser = mosaic("federation", "peer", "list", "--local-user", "bob");
    Run remove = mosaic("federation", "peer", "remove", "work", "--local-user", "alice");
    Run notAUrl =
        mosaic("federation", "peer", "add", "https://work.example/enroll", "--local-user", "alice");

    assertThat(list.code()).isZero();
    assertThat(list.out().strip()).isEqualTo("[ ]");
    assertThat(unknownUser.code()).isEqualTo(3);
    assertThat(remove.code()).isEqualTo(3);
    assertThat(remove.err()).isEqualTo("mosaic: alice has no link named 'work'\n");
    assertThat(notAUrl.code()).isEqualTo(2);
  }

  @Test
  void missingOption_isAUsageError() {
    Run run = mosaic("federation", "grant", "create", "--user", "alice");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required options").contains("--peer");
    assertThat(gateway.closeCount).isZero();
  }

  @Test
  void serve_embeddedTier_refusesToStart() throws IOException {
    Files.writeString(config, "gateway:\n  name: home\n  tier: embedded\n");

    Run run = mosaic("gateway", "serve");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("mosaic: gateway serve runs only in the federated tier");
    assertThat(run.out()).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  Run grantCreate(String user, String scope) {
    return mosaic(
        "federation",
        "grant",
        "create",
        "--user",
        user,
        "--peer",
        "home.example",
        "--scope",
        scope);
  }

  Run mosaic(String... args) {
    return gateway.run(config, args);
  }
}
