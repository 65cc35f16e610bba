package dev.mosaic.federation.application.port.out;

import dev.mosaic.federation.domain.access.NativeAccess;
import dev.mosaic.federation.domain.user.UserId;
import java.util.Optional;

/**
 * What a user can see on this gateway: themselves and their team memberships, read fresh on every
 * call (never cached: identity and access are decided by the database on every request).
 *
 * @throws InfrastructureException when the store fails
 */
public interface NativeAccessDirectory {
  /** The user's native access, or empty when the user does not exist or is deleted. */
  Optional<NativeAccess> find(UserId user);
}
