package dev.mosaic.federation.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Builds the gateway's connection pool. */
final class DataSources {
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  private DataSources() {}

  /**
   * A HikariCP pool for {@code settings}. It connects lazily: a gateway whose database is down
   * still starts far enough for {@code doctor} to say so, and each borrow waits at most {@link
   * #CONNECTION_TIMEOUT}.
   */
  static HikariDataSource pooled(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("mosaic-database");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("ApplicationName", "mosaic-gateway");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }
}
