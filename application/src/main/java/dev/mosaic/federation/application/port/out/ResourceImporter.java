package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.resource.ResourceItem;

/**
 * Writes rows of the reference schema ({@code mosaic data import}).
 *
 * @see ResourceStore for reading them
 */
public interface ResourceImporter {
  /**
   * Stores a new row.
   *
   * @return {@link InsertOutcome#DUPLICATE} (nothing written) when a row with that id exists
   * @throws InfrastructureException when the store fails, or the owner or team does not exist
   *     (non-transient)
   */
  InsertOutcome insert(ResourceItem item);
}
