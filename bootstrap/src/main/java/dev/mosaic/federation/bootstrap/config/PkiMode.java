package dev.mosaic.federation.bootstrap.config;

/** Which certificate authority issues the gateway's certificates. */
public enum PkiMode {
  LOCAL,
  STEPCA;

  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
