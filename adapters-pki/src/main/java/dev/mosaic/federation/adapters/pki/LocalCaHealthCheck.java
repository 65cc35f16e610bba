package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CheckResult;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Doctor probe {@code ca} in local mode: the CA in {@code pki.local.dir} loads and its keys open
 * with the sealing key; a CA not created yet is fine when the directory can be created.
 */
final class LocalCaHealthCheck implements DependencyCheck {

  private final Path dir;
  private final KeySealer sealer;

  LocalCaHealthCheck(Path dir, KeySealer sealer) {
    this.dir = dir;
    this.sealer = sealer;
  }

  @Override
  public String name() {
    return "ca";
  }

  @Override
  public CheckResult check() {
    if (!LocalCaStore.exists(dir)) {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && Files.isDirectory(existing) && Files.isWritable(existing)) {
        return CheckResult.ok(
            "local CA not created yet; the gateway creates it in " + dir + " on first use");
      }
      return CheckResult.fail(
          "local CA directory " + dir + " does not exist and cannot be created",
          "make pki.local.dir a writable directory");
    }
    try {
      var ca = LocalCaStore.load(dir, sealer);
      return CheckResult.ok(
          "local CA in " + dir + " opens; root sha256 " + Certificates.sha256Hex(ca.root()));
    } catch (InfrastructureException e) {
      return CheckResult.fail(
          e.getMessage(),
          "configure the secrets.sealingKey the CA was created with, or move "
              + dir.resolve(LocalCaStore.CA_DIR)
              + " away to create a new CA (every peer must then enroll again)");
    }
  }
}
