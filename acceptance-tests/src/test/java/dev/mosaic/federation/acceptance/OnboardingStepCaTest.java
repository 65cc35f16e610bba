package dev.mosaic.federation.acceptance;

/** AC-1 with B's certificates issued by the real step-ca (docs/SERVICES.md). */
class OnboardingStepCaTest extends OnboardingScenario {
  @Override
  Gateway.Ca servingCa() {
    return Gateway.Ca.STEPCA;
  }
}
