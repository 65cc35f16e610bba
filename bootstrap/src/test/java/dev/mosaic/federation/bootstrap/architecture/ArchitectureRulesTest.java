package dev.mosaic.federation.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.mosaic.federation.bootstrap.archfixtures.adapters.alpha.AlphaUsingBeta;
import dev.mosaic.federation.bootstrap.archfixtures.adapters.alpha.PublicWidgets;
import dev.mosaic.federation.bootstrap.archfixtures.adapters.beta.BetaHelper;
import dev.mosaic.federation.bootstrap.archfixtures.application.port.out.Widgets;
import dev.mosaic.federation.bootstrap.archfixtures.application.service.ServiceUsingJdbc;
import dev.mosaic.federation.bootstrap.archfixtures.application.service.ServiceUsingLogging;
import dev.mosaic.federation.bootstrap.archfixtures.domain.DomainReadingTheClock;
import dev.mosaic.federation.bootstrap.archfixtures.domain.DomainWithInjectedClock;
import dev.mosaic.federation.bootstrap.archfixtures.domain.DomainWithInjection;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ArchitectureRules} reports the deliberately bad fixture class it targets. */
class ArchitectureRulesTest {

  static final String FIXTURES = "dev.mosaic.federation.bootstrap.archfixtures";

  @Test
  void coreIsFreeOfVendors_serviceUsingJdbc_isViolation() {
    EvaluationResult result =
        ArchitectureRules.coreIsFreeOfVendors(FIXTURES).evaluate(classes(ServiceUsingJdbc.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("java.sql.Connection");
  }

  @Test
  void coreIsFreeOfVendors_serviceUsingSlf4j_isViolation() {
    EvaluationResult result =
        ArchitectureRules.coreIsFreeOfVendors(FIXTURES)
            .evaluate(classes(ServiceUsingLogging.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("org.slf4j.Logger");
  }

  @Test
  void domainIsFreeOfInjection_injectAnnotatedDomainClass_isViolation() {
    EvaluationResult result =
        ArchitectureRules.domainIsFreeOfInjection(FIXTURES)
            .evaluate(classes(DomainWithInjection.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("jakarta.inject.Inject");
  }

  @Test
  void adaptersAreIndependent_alphaCallingBeta_isViolation() {
    EvaluationResult result =
        ArchitectureRules.adaptersAreIndependent(FIXTURES)
            .evaluate(classes(AlphaUsingBeta.class, BetaHelper.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("adapter alpha", "adapter beta");
  }

  @Test
  void portImplementationsAreNotPublic_publicImplementation_isViolation() throws Exception {
    Class<?> hidden = Class.forName(FIXTURES + ".adapters.alpha.HiddenWidgets");
    EvaluationResult result =
        ArchitectureRules.portImplementationsAreNotPublic(FIXTURES)
            .evaluate(classes(Widgets.class, PublicWidgets.class, hidden));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("PublicWidgets");
  }

  @Test
  void coreReadsNoAmbientClockOrRandomness_eachAmbientCall_isViolation() {
    EvaluationResult result =
        ArchitectureRules.coreReadsNoAmbientClockOrRandomness(FIXTURES)
            .evaluate(classes(DomainReadingTheClock.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .hasSize(4)
        .anyMatch(d -> d.contains("Instant.now()"))
        .anyMatch(d -> d.contains("UUID.randomUUID()"))
        .anyMatch(d -> d.contains("System.currentTimeMillis()"))
        .anyMatch(d -> d.contains("LocalDateTime.now()"))
        .noneMatch(d -> d.contains("Instant.now(java.time.Clock)"));
  }

  @Test
  void coreReadsNoAmbientClockOrRandomness_injectedClock_passes() {
    EvaluationResult result =
        ArchitectureRules.coreReadsNoAmbientClockOrRandomness(FIXTURES)
            .evaluate(classes(DomainWithInjectedClock.class));

    assertThat(result.hasViolation()).isFalse();
  }

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }
}
