package dev.mosaic.federation.adapters.persistence;

/**
 * Whether the gateway's tier needs the {@code vector} extension (SPEC §3): the federated tier does,
 * the embedded tier runs without semantic search. Bind it in the component; when it is not bound,
 * {@link PersistenceModule} assumes {@link #REQUIRED}.
 */
public enum VectorRequirement {
  /** Doctor fails when {@code vector} is missing. */
  REQUIRED,
  /** Doctor only warns; keyword search works without it. */
  OPTIONAL
}
