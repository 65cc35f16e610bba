package dev.mosaic.federation.application.port.in;

import java.time.Duration;

/**
 * The daily audit rollover (SPEC §7): rows older than {@link #RETENTION} move to the cold table,
 * where {@code mosaic federation audit --historical} still finds them.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when the audit store
 *     fails
 */
public interface ArchiveAuditUseCase {
  /** How long a row stays in the recent table. */
  Duration RETENTION = Duration.ofDays(90);

  /** Moves every row older than {@link #RETENTION} as of now; returns how many moved. */
  int archive();
}
