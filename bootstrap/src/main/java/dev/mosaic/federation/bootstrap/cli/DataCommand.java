package dev.mosaic.federation.bootstrap.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.federation.application.port.in.ImportDataCommand;
import dev.mosaic.federation.application.port.in.ImportDataResult;
import dev.mosaic.federation.application.port.in.ImportRow;
import dev.mosaic.federation.bootstrap.GatewayServices;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mosaic data import}: rows of the reference schema from JSON Lines files. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    versionProvider = MosaicVersion.class,
    description = "Load reference data (tasks, notes, memory, credentials).")
final class DataCommand implements Runnable {
  private static final ObjectMapper LINES =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final CliContext context;

  @Spec CommandSpec spec;

  DataCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import one JSON object per line, all or nothing, owned by --user (and --team).",
        "Fields (camelCase): id, createdAt, updatedAt for all; tasks: title, status, priority,"
            + " dueAt; notes: title, body; memory: kind, content; credentials: name, secret.",
        "Exit 1: a line is invalid (each problem names its line and field), 2: unknown resource,"
            + " 3: no such user or team, 4: not a member of the team, or an id exists already."
      })
  int importRows(
      @Mixin ConfigOption config,
      @Option(names = "--json", description = "Print the outcome as JSON.") boolean json,
      @Option(names = "--user", required = true, paramLabel = "<handle>", description = "Owner.")
          String user,
      @Option(names = "--team", paramLabel = "<name>", description = "Owning team.") String team,
      @Parameters(index = "0", paramLabel = "<tasks|notes|memory|credentials>") String resource,
      @Parameters(index = "1", paramLabel = "<file.jsonl>") Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return context.fail(ExitCode.ERROR, file + ": no such file");
    } catch (CharacterCodingException e) {
      return context.fail(ExitCode.ERROR, file + ": not UTF-8 text");
    } catch (IOException e) {
      return context.fail(ExitCode.ERROR, file + ": cannot be read (" + e.getMessage() + ")");
    }
    List<ImportRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      parseLine(line, text, rows, problems);
    }
    if (!problems.isEmpty()) {
      return invalid(file, problems);
    }
    ImportDataResult result;
    try (GatewayServices gateway = config.open(context)) {
      result =
          gateway
              .dataImport()
              .importRows(new ImportDataCommand(resource, rows, user, Optional.ofNullable(team)));
    }
    return switch (result) {
      case ImportDataResult.Imported imported -> {
        if (json) {
          ObjectNode node = Json.object();
          node.put("resource", imported.resource().wireName());
          node.put("imported", imported.count());
          node.put("user", user);
          node.put("team", team);
          Json.print(context.out(), node);
        } else {
          context
              .out()
              .println(
                  "imported "
                      + imported.count()
                      + " row"
                      + (imported.count() == 1 ? "" : "s")
                      + " into "
                      + imported.resource().wireName()
                      + " for "
                      + user
                      + (team == null ? "" : " in team " + team));
        }
        yield ExitCode.OK;
      }
      case ImportDataResult.UnknownResource unknown ->
          context.fail(
              ExitCode.USAGE,
              "cannot import '"
                  + unknown.name()
                  + "': expected one of tasks, notes, memory, credentials");
      case ImportDataResult.UnknownUser unknown ->
          context.fail(ExitCode.NOT_FOUND, "no user has the handle '" + unknown.handle() + "'");
      case ImportDataResult.UnknownTeam unknown ->
          context.fail(ExitCode.NOT_FOUND, "no team is named '" + unknown.name() + "'");
      case ImportDataResult.NotAMember notAMember ->
          context.fail(
              ExitCode.CONFLICT,
              notAMember.handle() + " is not a member of team " + notAMember.team());
      case ImportDataResult.InvalidRows invalid ->
          invalid(
              file,
              invalid.problems().stream().map(ImportDataResult.RowProblem::describe).toList());
      case ImportDataResult.DuplicateId duplicate ->
          context.fail(
              ExitCode.CONFLICT,
              file
                  + ": line "
                  + duplicate.line()
                  + ": a row with id "
                  + duplicate.id()
                  + " exists already; nothing imported");
    };
  }

  private int invalid(Path file, List<String> problems) {
    context.fail(
        ExitCode.ERROR,
        file
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ", nothing imported");
    problems.forEach(p -> context.err().println("  " + p));
    return ExitCode.ERROR;
  }

  /** Adds the line's object to {@code rows}, or what is wrong with it to {@code problems}. */
  private static void parseLine(
      int line, String text, List<ImportRow> rows, List<String> problems) {
    try {
      JsonNode node = LINES.readTree(text);
      if (node != null && node.isObject()) {
        rows.add(
            new ImportRow(
                line, LINES.convertValue(node, new TypeReference<Map<String, Object>>() {})));
      } else {
        problems.add("line " + line + ": expected a JSON object, found " + kind(node));
      }
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      problems.add(
          "line " + line + (column > 0 ? ", column " + column : "") + ": invalid JSON: " + why);
    }
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
