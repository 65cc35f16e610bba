package dev.mosaic.federation.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A local account of a gateway.
 *
 * @param handle unique, 1–64 characters of {@code a-z 0-9 . _ -}, starting with a letter or digit
 */
public record User(
    UserId id, String handle, Optional<String> displayName, Optional<Instant> deletedAt) {
  private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public User {
    Objects.requireNonNull(id, "id");
    if (!isValidHandle(handle)) {
      throw new IllegalArgumentException(
          "a handle is 1-64 characters of a-z, 0-9, '.', '_', '-' starting with a letter or digit,"
              + " was '"
              + handle
              + "'");
    }
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }

  /** A new, not deleted user. */
  public static User of(UserId id, String handle) {
    return new User(id, handle, Optional.empty(), Optional.empty());
  }

  public static boolean isValidHandle(String handle) {
    return handle != null && HANDLE.matcher(handle).matches();
  }

  public boolean isDeleted() {
    return deletedAt.isPresent();
  }
}
