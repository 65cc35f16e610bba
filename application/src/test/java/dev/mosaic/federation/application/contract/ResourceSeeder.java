package dev.mosaic.federation.application.contract;

import dev.mosaic.federation.domain.resource.ResourceItem;
import dev.mosaic.federation.domain.user.TeamId;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Set;

/**
 * How {@link ResourceStoreContract} puts rows into the store under test. A database adapter's test
 * implements it with plain SQL against the reference schema; the in-memory one with its importer.
 */
public interface ResourceSeeder {
  /** A new user that may own rows. */
  UserId newUser();

  /** A new team with these members. */
  TeamId newTeam(Set<UserId> members);

  /** Stores one row exactly as given (owner and team exist). */
  void insert(ResourceItem item);
}
