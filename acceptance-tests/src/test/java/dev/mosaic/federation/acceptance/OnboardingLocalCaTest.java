package dev.mosaic.federation.acceptance;

/** AC-1 with B's certificates issued by the embedded BouncyCastle CA in {@code pki.local.dir}. */
class OnboardingLocalCaTest extends OnboardingScenario {
  @Override
  Gateway.Ca servingCa() {
    return Gateway.Ca.LOCAL;
  }
}
