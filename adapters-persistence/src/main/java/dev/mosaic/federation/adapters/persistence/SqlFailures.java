package dev.mosaic.federation.adapters.persistence;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Translates database failures into {@link InfrastructureException}. Messages say what the adapter
 * was doing, never SQL, values or vendor text; the cause keeps the details for the logs.
 */
final class SqlFailures {
  /** Serialization failure, deadlock, lock not available, query cancelled. */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014");

  private SqlFailures() {}

  /** The failure of {@code action} (a gerund phrase: "finding a grant"). */
  static InfrastructureException translate(String action, Throwable failure) {
    if (failure instanceof InfrastructureException already) {
      return already;
    }
    boolean transientFailure = isTransient(failure);
    return new InfrastructureException(
        (transientFailure ? "database unavailable while " : "database failure while ") + action,
        failure,
        transientFailure);
  }

  /** Stored data that the domain rejects: a permanent fault, not the caller's. */
  static InfrastructureException corrupt(String action, Throwable failure) {
    return new InfrastructureException("stored data is invalid while " + action, failure, false);
  }

  /**
   * A precondition of the port that the stored state does not meet (e.g. updating a missing row).
   */
  static InfrastructureException missing(String what) {
    return new InfrastructureException(what + " does not exist", false);
  }

  /**
   * Whether retrying may help: the connection failed or timed out, the server is short of resources
   * or shutting down, or the transaction lost a race (serialization failure, deadlock).
   */
  static boolean isTransient(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || TRANSIENT_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
