package dev.mosaic.federation.bootstrap.config;

/** Deployment tier (SPEC §3): which real dependencies a gateway needs. */
public enum Tier {
  /** PostgreSQL with {@code vector}, Valkey and a CA (Step-CA or local). */
  FEDERATED,
  /** Everything in-process: embedded PostgreSQL and Redis, a local CA in a temporary folder. */
  EMBEDDED;

  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
