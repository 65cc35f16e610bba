package dev.mosaic.federation.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Applies {@link ArchitectureRules} to the production classes of every module. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ArchitectureTest::isNotTestJarOrFixture)
            .importPackages(ArchitectureRules.ROOT);
  }

  /** Excludes the modules' test-jars (fakes, contract suites) and this module's fixtures. */
  static boolean isNotTestJarOrFixture(Location location) {
    return !location.contains("-tests.jar") && !location.contains("/archfixtures/");
  }

  @Test
  void production_import_coversCoreAndAdaptersButNoFixtures() {
    Set<String> areas =
        production.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.startsWith(ArchitectureRules.ROOT + "."))
            .map(p -> p.substring(ArchitectureRules.ROOT.length() + 1).split("\\.")[0])
            .collect(Collectors.toSet());

    assertThat(areas).contains("domain", "application", "adapters", "bootstrap");
    assertThat(production.containPackage(ArchitectureRulesTest.FIXTURES)).isFalse();
  }

  @Test
  void core_isFreeOfVendors() {
    ArchitectureRules.coreIsFreeOfVendors(ArchitectureRules.ROOT).check(production);
  }

  @Test
  void domain_isFreeOfInjection() {
    ArchitectureRules.domainIsFreeOfInjection(ArchitectureRules.ROOT).check(production);
  }

  @Test
  void adapters_areIndependent() {
    ArchitectureRules.adaptersAreIndependent(ArchitectureRules.ROOT).check(production);
  }

  @Test
  void portImplementations_areNotPublic() {
    ArchitectureRules.portImplementationsAreNotPublic(ArchitectureRules.ROOT).check(production);
  }

  @Test
  void core_readsNoAmbientClockOrRandomness() {
    ArchitectureRules.coreReadsNoAmbientClockOrRandomness(ArchitectureRules.ROOT).check(production);
  }
}
