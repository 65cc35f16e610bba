package dev.mosaic.federation.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.CheckStatus;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DependencyCheck}: a stable name and an answer with a remedy when not OK. */
public abstract class DependencyCheckContract {
  protected DependencyCheck check;

  protected abstract DependencyCheck createDependencyCheck();

  /** The status the check must report in the test environment (e.g. OK with the service up). */
  protected abstract CheckStatus expectedStatus();

  @BeforeEach
  void setUpDependencyCheckContract() {
    check = createDependencyCheck();
  }

  @Test
  void name_isShortStableAndLowercase() {
    assertThat(check.name()).matches("[a-z0-9][a-z0-9-]{0,39}");
    assertThat(createDependencyCheck().name()).isEqualTo(check.name());
  }

  @Test
  void check_answersWithinTheDoctorsCap() {
    CheckResult result =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(check::check, r -> r != null);

    assertThat(result.status()).isEqualTo(expectedStatus());
    assertThat(result.detail()).isNotBlank();
    if (result.status() != CheckStatus.OK) {
      assertThat(result.remedy()).isNotBlank();
    }
  }
}
