package dev.mosaic.federation.bootstrap.cli;

/** Exit codes of the {@code mosaic} command (SPEC §10). */
public final class ExitCode {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int CONFLICT = 4;
  public static final int REMOTE = 5;

  private ExitCode() {}
}
