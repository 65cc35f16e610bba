package dev.mosaic.federation.application.port.out;

/** Whether an insert into a store with a uniqueness rule took place. */
public enum InsertOutcome {
  INSERTED,
  /** A row with the same unique key exists; nothing was written. */
  DUPLICATE
}
