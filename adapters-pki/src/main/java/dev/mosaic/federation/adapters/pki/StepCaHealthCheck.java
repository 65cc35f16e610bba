package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * Doctor probe {@code ca}: step-ca answers {@code /health} over TLS trusting only the pinned root,
 * and its {@code /roots} include that root.
 */
final class StepCaHealthCheck implements DependencyCheck {

  /** Below the doctor's 5 s cap, so the probe reports its own failure. */
  static final Duration TIMEOUT = Duration.ofSeconds(4);

  private final URI url;
  private final Path rootFile;

  StepCaHealthCheck(URI url, Path rootFile) {
    this.url = url;
    this.rootFile = rootFile;
  }

  @Override
  public String name() {
    return "ca";
  }

  @Override
  public CheckResult check() {
    X509Certificate pinned;
    try {
      pinned = Certificates.readSingle(rootFile);
    } catch (CertificateException e) {
      return CheckResult.fail(
          "pinned step-ca root is unusable: " + e.getMessage(),
          "set pki.stepca.rootFile to the step-ca root certificate (its certs/root_ca.crt)");
    }
    String fingerprint = Certificates.sha256Hex(pinned);
    List<X509Certificate> roots;
    try {
      var api = new StepCaApi(url, pinned, TIMEOUT);
      api.health();
      roots = api.roots();
    } catch (InfrastructureException e) {
      return CheckResult.fail(
          e.getMessage(),
          e.isTransient()
              ? "start step-ca or correct pki.stepca.url (" + url + ")"
              : "make pki.stepca.rootFile ("
                  + rootFile
                  + ") the root of the step-ca at "
                  + url
                  + ", and check that URL");
    }
    if (roots.stream().map(Certificates::sha256Hex).noneMatch(fingerprint::equals)) {
      return CheckResult.fail(
          "step-ca at " + url + " does not list the pinned root (sha256 " + fingerprint + ")",
          "pin the CA's own root: copy its certs/root_ca.crt to pki.stepca.rootFile");
    }
    return CheckResult.ok(
        "step-ca at " + url + " is healthy; root sha256 " + fingerprint + " pinned");
  }
}
