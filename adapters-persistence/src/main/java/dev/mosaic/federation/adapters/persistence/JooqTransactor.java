package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.port.out.Transactor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The {@link Transactor} of the jOOQ adapters, and the one place they get their {@link DSLContext}
 * from: while {@link #inTransaction} runs on a thread, every repository call on that thread uses
 * the transaction's context; otherwise each statement runs on its own (auto-commit).
 */
@Singleton
final class JooqTransactor implements Transactor {
  private final DSLContext root;
  private final ThreadLocal<DSLContext> open = new ThreadLocal<>();

  @Inject
  JooqTransactor(DSLContext root) {
    this.root = root;
  }

  @Override
  public <R> R inTransaction(Supplier<R> work) {
    if (open.get() != null) {
      return work.get();
    }
    try {
      return root.transactionResult(
          configuration -> {
            open.set(configuration.dsl());
            try {
              return work.get();
            } finally {
              open.remove();
            }
          });
    } catch (DataAccessException e) {
      throw SqlFailures.translate("running a transaction", e);
    }
  }

  /** Whether a transaction is open on this thread. */
  boolean inTransaction() {
    return open.get() != null;
  }

  /**
   * Runs {@code statement} on the current context, translating failures: database errors to {@code
   * InfrastructureException}s naming {@code action}, and stored rows the domain rejects to
   * non-transient ones.
   */
  <R> R call(String action, Function<DSLContext, R> statement) {
    DSLContext tx = open.get();
    try {
      return statement.apply(tx != null ? tx : root);
    } catch (DataAccessException e) {
      throw SqlFailures.translate(action, e);
    } catch (IllegalArgumentException e) {
      throw SqlFailures.corrupt(action, e);
    }
  }

  /** {@link #call} for statements without a result. */
  void run(String action, Consumer<DSLContext> statement) {
    call(
        action,
        dsl -> {
          statement.accept(dsl);
          return null;
        });
  }
}
