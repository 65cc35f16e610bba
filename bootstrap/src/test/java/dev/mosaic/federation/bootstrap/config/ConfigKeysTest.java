package dev.mosaic.federation.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigKeysTest {

  @Test
  void environmentVariable_ofNestedCamelCaseKey_isUpperSnakeCase() {
    assertThat(ConfigKeys.environmentVariable("database.url")).isEqualTo("MOSAIC_DATABASE_URL");
    assertThat(ConfigKeys.environmentVariable("pki.stepca.rootFile"))
        .isEqualTo("MOSAIC_PKI_STEPCA_ROOT_FILE");
    assertThat(ConfigKeys.environmentVariable("limits.defaultRequestsPerMinute"))
        .isEqualTo("MOSAIC_LIMITS_DEFAULT_REQUESTS_PER_MINUTE");
  }

  @Test
  void environmentVariable_ofEveryKey_isDistinct() {
    assertThat(ConfigKeys.ALL.stream().map(ConfigKeys::environmentVariable))
        .doesNotHaveDuplicates()
        .hasSameSizeAs(ConfigKeys.ALL);
  }
}
