package dev.mosaic.federation.acceptance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running {@code mosaic} process whose stdout and stderr go to files. {@link #close()} stops it
 * the way an operator would (SIGTERM), and kills it when it does not stop in time.
 */
final class MosaicProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final String label;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  MosaicProcess(String label, Process process, Path stdout, Path stderr) {
    this.label = label;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Waits until a line of stdout matches {@code pattern} and returns the match; fails at once,
   * showing the output, when the process exits first.
   */
  Matcher awaitStdout(Pattern pattern, Duration timeout) {
    AtomicReference<Matcher> match = new AtomicReference<>();
    await(label + " printing " + pattern)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Matcher m = pattern.matcher(stdout());
              if (m.find()) {
                match.set(m);
                return true;
              }
              if (!process.isAlive()) {
                throw new AssertionError(
                    label
                        + " exited with "
                        + process.exitValue()
                        + " before printing "
                        + pattern
                        + "\n--- stdout\n"
                        + stdout()
                        + "--- stderr\n"
                        + stderr());
              }
              return false;
            });
    return match.get();
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM, then waits; returns the exit code (killed with SIGKILL after the timeout). */
  int stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  @Override
  public void close() {
    stop();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return label + " (pid " + process.pid() + ")";
  }
}
