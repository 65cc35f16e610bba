package dev.mosaic.federation.adapters.pki;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.InstantSource;

/**
 * Binds the PKI adapter: the Step-CA {@link CertificateAuthority}, the {@link CsrVerifier} and the
 * doctor's {@code ca} {@link DependencyCheck}. Needs an {@link InstantSource} and a {@link
 * SecureRandom} from the graph.
 */
@Module
public final class PkiModule {

  private final StepCaSettings settings;

  public PkiModule(StepCaSettings settings) {
    this.settings = settings;
  }

  /**
   * @throws InfrastructureException (not transient) naming the setting whose file is unusable
   */
  @Provides
  @Singleton
  CertificateAuthority certificateAuthority(InstantSource clock, SecureRandom random) {
    MosaicExtensions extensions;
    try {
      extensions = new MosaicExtensions(settings.oidArc());
    } catch (IllegalArgumentException e) {
      throw new InfrastructureException(
          "pki.oidArc: '" + settings.oidArc() + "' is not an object identifier", false);
    }
    try {
      var root = Certificates.readSingle(settings.rootFile());
      var provisioner =
          StepCaProvisioner.load(
              settings.provisionerName(),
              settings.provisionerKeyFile(),
              settings.passwordFile(),
              random);
      var api = new StepCaApi(settings.url(), root, StepCaApi.DEFAULT_TIMEOUT);
      return new StepCaCertificateAuthority(
          api, provisioner, root, extensions, settings.certificateLifetime(), clock);
    } catch (CertificateException e) {
      throw new InfrastructureException("pki.stepca.rootFile: " + e.getMessage(), false);
    } catch (GeneralSecurityException e) {
      throw new InfrastructureException(
          "pki.stepca.provisionerKeyFile/passwordFile: " + e.getMessage(), false);
    }
  }

  @Provides
  @Singleton
  CsrVerifier csrVerifier() {
    return new BouncyCastleCsrVerifier();
  }

  @Provides
  @IntoSet
  DependencyCheck caCheck() {
    return new StepCaHealthCheck(settings.url(), settings.rootFile());
  }
}
