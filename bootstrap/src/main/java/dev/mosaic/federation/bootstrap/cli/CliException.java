package dev.mosaic.federation.bootstrap.cli;

/** A command failed in a way the operator should read as one line, with a chosen exit code. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
