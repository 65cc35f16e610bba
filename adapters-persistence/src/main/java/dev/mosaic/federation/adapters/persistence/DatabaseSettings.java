package dev.mosaic.federation.adapters.persistence;

import java.util.Objects;

/**
 * Where the gateway's PostgreSQL database is: the configuration keys {@code database.url}, {@code
 * database.user} and {@code database.password}. The password never appears in {@link #toString()}.
 *
 * @param url a JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user the database role
 * @param password the role's password; empty for trust or peer authentication
 */
public record DatabaseSettings(String url, String user, String password) {
  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("database.user must not be empty");
    }
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
  }
}
