package dev.mosaic.federation.bootstrap.archfixtures.application.service;

import java.sql.Connection;
import java.sql.SQLException;

/** Bad: an application service talking JDBC. */
public final class ServiceUsingJdbc {
  private final Connection connection;

  public ServiceUsingJdbc(Connection connection) {
    this.connection = connection;
  }

  public boolean isOpen() throws SQLException {
    return !connection.isClosed();
  }
}
