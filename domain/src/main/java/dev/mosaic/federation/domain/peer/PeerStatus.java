package dev.mosaic.federation.domain.peer;

/** Whether a requesting gateway has completed an enrollment on the serving side. */
public enum PeerStatus {
  PENDING,
  ACTIVE;

  /** The lowercase name used in listings and storage. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
