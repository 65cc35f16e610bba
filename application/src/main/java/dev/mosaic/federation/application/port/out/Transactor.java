package dev.mosaic.federation.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work as one unit: every repository call made by {@code work} on the calling thread joins one
 * database transaction, committed when {@code work} returns and rolled back when it throws. Nested
 * calls join the outer transaction. This is how a use case does "one transaction that locks the
 * grant row": {@code inTransaction(() -> grants.findByIdForUpdate(id) ... )}.
 *
 * <p>Adapters bind the transaction to the calling thread (jOOQ: a thread-local {@code DSLContext}
 * used by every repository while a transaction is open). Business rejections are returned, not
 * thrown, so a use case must decide before it writes.
 *
 * @throws InfrastructureException when the transaction cannot begin or commit (e.g. the database is
 *     unreachable or a serialization failure, {@linkplain InfrastructureException#isTransient()
 *     transient}); a {@link RuntimeException} thrown by {@code work} is rethrown unchanged after
 *     rollback
 */
public interface Transactor {
  <R> R inTransaction(Supplier<R> work);
}
