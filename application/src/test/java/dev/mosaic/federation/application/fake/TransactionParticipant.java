package dev.mosaic.federation.application.fake;

/** An in-memory store whose state {@link InMemoryTransactor} saves and restores on rollback. */
public interface TransactionParticipant {
  Object snapshot();

  void restore(Object snapshot);
}
