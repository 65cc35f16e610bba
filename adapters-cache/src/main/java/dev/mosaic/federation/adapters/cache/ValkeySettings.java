package dev.mosaic.federation.adapters.cache;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway's Valkey is: the configuration key {@code valkey.url}
 * (redis://[user:password@]host:port/db), already split into its parts. The password never appears
 * in {@link #toString()}.
 *
 * @param address {@code redis://host:port} or {@code rediss://host:port}, nothing else
 * @param database the logical database number, 0 or more
 * @param username the ACL user, if any
 * @param password the password, if any
 */
public record ValkeySettings(
    URI address, int database, Optional<String> username, Optional<String> password) {

  public ValkeySettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    String scheme = address.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(
          "valkey.url must start with redis:// or rediss://, got " + address);
    }
    boolean bare =
        (address.getRawPath() == null || address.getRawPath().isEmpty())
            && address.getRawUserInfo() == null
            && address.getRawQuery() == null
            && address.getRawFragment() == null;
    if (address.getHost() == null || address.getPort() < 0 || !bare) {
      throw new IllegalArgumentException(
          "valkey address must be " + scheme + "://host:port alone, got " + address);
    }
    if (database < 0) {
      throw new IllegalArgumentException("valkey database must be 0 or more, got " + database);
    }
  }

  /** Database 0 of the server at {@code address}, without credentials. */
  public static ValkeySettings of(URI address) {
    return new ValkeySettings(address, 0, Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    return "ValkeySettings[address="
        + address
        + ", database="
        + database
        + ", username="
        + username.orElse("")
        + ", password="
        + password.map(secret -> "***").orElse("")
        + "]";
  }
}
