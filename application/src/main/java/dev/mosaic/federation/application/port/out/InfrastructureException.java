package dev.mosaic.federation.application.port.out;

/**
 * The one exception an outbound port throws: an infrastructure failure (database, Valkey, CA,
 * network), translated by the adapter from whatever its vendor threw. Never used for business
 * outcomes, which ports return as values.
 */
public class InfrastructureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  /**
   * @param transientFailure whether retrying the same call later may succeed (connection refused,
   *     timeout, serialization failure) as opposed to a permanent fault (bad configuration,
   *     constraint violation, corrupted data)
   */
  public InfrastructureException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  public InfrastructureException(String message, Throwable cause, boolean transientFailure) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /** Whether retrying later may succeed. */
  public boolean isTransient() {
    return transientFailure;
  }
}
