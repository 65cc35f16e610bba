package dev.mosaic.federation.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The architecture rules of the hexagon (ARCHITECTURE.md), each defined once for a root package.
 * {@link ArchitectureTest} applies them to the production classes under {@link #ROOT}; {@link
 * ArchitectureRulesTest} shows each one catching a deliberately bad class under {@code
 * ...bootstrap.archfixtures}.
 */
final class ArchitectureRules {

  static final String ROOT = "dev.mosaic.federation";

  /** Packages whose presence in core code means a vendor crossed into the hexagon. */
  static final String[] VENDOR_PACKAGES = {
    "org.jooq..",
    "java.sql..",
    "javax.sql..",
    "org.flywaydb..",
    "org.postgresql..",
    "com.zaxxer.hikari..",
    "org.redisson..",
    "io.netty..",
    "okhttp3..",
    "org.bouncycastle..",
    "com.nimbusds..",
    "dagger..",
    "org.eclipse.jetty..",
    "com.fasterxml.jackson..",
    "picocli..",
    "org.slf4j..",
    "ch.qos.logback..",
    "java.util.logging..",
    "org.apache.logging.."
  };

  private static final Set<String> DATE_TIME_TYPES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.ZonedDateTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay");

  private ArchitectureRules() {}

  /**
   * Dagger writes factories for the core's {@code @Inject} classes into the core's packages of the
   * module that compiles the component (bootstrap); they are wiring, not core code.
   */
  static final String DAGGER_GENERATED = "dagger.internal.DaggerGenerated";

  static String[] core(String root) {
    return new String[] {root + ".domain..", root + ".application.."};
  }

  /** Domain and application use no persistence, cache, HTTP, PKI, DI, JSON or logging library. */
  static ArchRule coreIsFreeOfVendors(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(core(root))
        .and()
        .areNotAnnotatedWith(DAGGER_GENERATED)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VENDOR_PACKAGES)
        .because("the core compiles against the JDK (+ jakarta.inject in application) only");
  }

  /** The domain does not even know about injection annotations. */
  static ArchRule domainIsFreeOfInjection(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".domain..")
        .and()
        .areNotAnnotatedWith(DAGGER_GENERATED)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.inject..", "javax.inject..")
        .because("the domain compiles against the JDK alone");
  }

  /** No adapter uses another adapter; they meet only in bootstrap's Dagger graph. */
  static ArchRule adaptersAreIndependent(String root) {
    return slices()
        .matching(root + ".adapters.(*)..")
        .namingSlices("adapter $1")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true);
  }

  /**
   * Adapter classes that implement an outbound port stay package-private; their public face is the
   * area's {@code *Module} (and the few entry types an adapter deliberately exports).
   */
  static ArchRule portImplementationsAreNotPublic(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".adapters..")
        .and()
        .implement(resideInAPackage(root + ".application.port.out.."))
        .should()
        .notBePublic()
        .because("adapters are bound by their public <Area>Module, not constructed directly")
        .allowEmptyShould(true);
  }

  /** Core code reads time and random identifiers from injected sources only. */
  static ArchRule coreReadsNoAmbientClockOrRandomness(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(core(root))
        .and()
        .areNotAnnotatedWith(DAGGER_GENERATED)
        .should()
        .callCodeUnitWhere(AMBIENT_CLOCK_OR_RANDOMNESS)
        .because("time comes from an injected InstantSource and ids from an injected source");
  }

  private static final DescribedPredicate<JavaCall<?>> AMBIENT_CLOCK_OR_RANDOMNESS =
      DescribedPredicate.describe(
          "read the system clock or a random UUID",
          call -> {
            AccessTarget.CodeUnitCallTarget target = call.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            boolean takesClock =
                target.getRawParameterTypes().stream()
                    .anyMatch(t -> t.getName().equals("java.time.Clock"));
            return (DATE_TIME_TYPES.contains(owner) && name.equals("now") && !takesClock)
                || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
                || (owner.equals("java.util.UUID") && name.equals("randomUUID"))
                || (owner.equals("java.time.Clock")
                    && Set.of("systemUTC", "systemDefaultZone", "system").contains(name))
                || (owner.equals("java.time.InstantSource") && name.equals("system"))
                || (owner.equals("java.util.Date")
                    && name.equals("<init>")
                    && target.getRawParameterTypes().isEmpty());
          });
}
