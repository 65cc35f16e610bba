package dev.mosaic.federation.bootstrap;

import dev.mosaic.federation.adapters.persistence.DatabaseMigrator;
import dev.mosaic.federation.application.port.in.RunDoctorUseCase;

/**
 * What the CLI's commands use from a wired gateway; {@link GatewayComponent} provides them. Close
 * it when the command is done: that releases the connection pools the command opened.
 */
public interface GatewayServices extends AutoCloseable {

  /** {@code mosaic gateway doctor}. */
  RunDoctorUseCase doctor();

  /** {@code mosaic gateway migrate}. */
  DatabaseMigrator databaseMigrator();

  @Override
  void close();
}
