package dev.mosaic.federation.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the standalone jar ({@code bootstrap/target/mosaic.jar}, system property {@code mosaic.jar})
 * as a separate {@code java -jar} process on the JDK running the tests. The child's environment is
 * the test's without any {@code MOSAIC_*} variable, plus the given ones: configuration reaches it
 * only through {@code MOSAIC_*} variables.
 */
final class Mosaic {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Every process started, so none outlives the test JVM even when a run is aborted. */
  private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> STARTED.forEach(Process::destroyForcibly), "mosaic-processes"));
  }

  private Mosaic() {}

  /** The result of a command that ran to its end. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code mosaic args...} to completion (failing the test after 90 s). */
  static Run run(Map<String, String> environment, Path workDir, String... args) {
    int n = SEQUENCE.incrementAndGet();
    Path out = workDir.resolve("run-" + n + ".out");
    Path err = workDir.resolve("run-" + n + ".err");
    Process process = launch(environment, workDir, out, err, args);
    try {
      if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "mosaic " + String.join(" ", args) + " did not finish within " + COMMAND_TIMEOUT);
      }
      return new Run(process.exitValue(), read(out), read(err));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Starts {@code mosaic args...} and returns at once. */
  static MosaicProcess start(
      String label, Map<String, String> environment, Path workDir, String... args) {
    int n = SEQUENCE.incrementAndGet();
    Path out = workDir.resolve(label + "-" + n + ".out");
    Path err = workDir.resolve(label + "-" + n + ".err");
    return new MosaicProcess(label, launch(environment, workDir, out, err, args), out, err);
  }

  static Path jar() {
    String location = System.getProperty("mosaic.jar");
    if (location == null) {
      throw new IllegalStateException(
          "system property mosaic.jar is not set; run the acceptance tests through Maven");
    }
    Path jar = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -B -DskipTests -pl bootstrap -am package)");
    }
    return jar;
  }

  private static Process launch(
      Map<String, String> environment, Path workDir, Path out, Path err, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    // Short-lived CLI processes on small machines: quick start-up matters more than peak speed.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("MOSAIC_"));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      STARTED.add(process);
      process.onExit().thenRun(() -> STARTED.remove(process));
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
