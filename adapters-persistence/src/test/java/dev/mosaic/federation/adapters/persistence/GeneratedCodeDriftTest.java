package dev.mosaic.federation.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed jOOQ classes must be what the migrations generate: this regenerates them from a
 * freshly migrated database with the profile's own configuration file and compares file by file.
 */
class GeneratedCodeDriftTest {
  private static final String REMEDY =
      "the committed jOOQ classes in src/main/generated-jooq do not match the migrations;"
          + " run `mvn -Pjooq-codegen -pl adapters-persistence generate-sources` and commit the"
          + " result. Differences: ";

  @RegisterExtension static final TestDatabase database = TestDatabase.migrated();

  @TempDir Path regenerated;

  @Test
  void regenerate_fromFreshlyMigratedDatabase_matchesCommittedSources() throws Exception {
    Path module = moduleDirectory();
    Configuration configuration;
    try (InputStream xml = Files.newInputStream(module.resolve("src/main/jooq/codegen.xml"))) {
      configuration = GenerationTool.load(xml);
    }
    DatabaseSettings settings = database.settings();
    configuration
        .withLogging(Logging.WARN)
        .withJdbc(
            new Jdbc()
                .withDriver("org.postgresql.Driver")
                .withUrl(settings.url())
                .withUser(settings.user())
                .withPassword(settings.password()));
    configuration.getGenerator().getDatabase().withInputSchema(database.name());
    configuration.getGenerator().getTarget().withDirectory(regenerated.toString());
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");

    GenerationTool.generate(configuration);

    Map<String, String> committed = sources(module.resolve("src/main/generated-jooq"));
    Map<String, String> fresh = sources(regenerated);
    assertThat(fresh).as("regenerated sources").isNotEmpty();
    assertThat(differences(committed, fresh)).as(REMEDY).isEmpty();
  }

  private static Set<String> differences(Map<String, String> committed, Map<String, String> fresh) {
    Set<String> differences = new TreeSet<>();
    committed.forEach(
        (file, text) -> {
          if (!fresh.containsKey(file)) {
            differences.add(file + " is committed but no longer generated");
          } else if (!fresh.get(file).equals(text)) {
            differences.add(file + " differs");
          }
        });
    fresh.keySet().stream()
        .filter(file -> !committed.containsKey(file))
        .forEach(file -> differences.add(file + " is generated but not committed"));
    return differences;
  }

  private static Map<String, String> sources(Path root) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return sources;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  sources.put(
                      root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return sources;
  }

  private static Path moduleDirectory() {
    String basedir = System.getProperty("basedir");
    return Path.of(basedir != null ? basedir : "").toAbsolutePath();
  }
}
