package dev.mosaic.federation.application.port.out;

/** The verdict of one doctor probe. */
public enum CheckStatus {
  OK,
  /** Works, but something deserves attention; the tier is still satisfied. */
  WARN,
  /** The configured tier is not satisfied. */
  FAIL
}
