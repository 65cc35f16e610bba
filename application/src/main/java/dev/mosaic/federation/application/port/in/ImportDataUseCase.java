package dev.mosaic.federation.application.port.in;

/**
 * Imports rows of the reference schema, all or nothing: every row is validated first, then all are
 * written in one transaction.
 *
 * @throws dev.mosaic.federation.application.port.out.InfrastructureException when a store fails
 *     (nothing written then)
 */
public interface ImportDataUseCase {
  ImportDataResult importRows(ImportDataCommand command);
}
