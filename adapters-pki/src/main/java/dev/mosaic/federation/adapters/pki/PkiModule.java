package dev.mosaic.federation.adapters.pki;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The PKI adapter. The component provides a {@link PkiSettings}, a {@link SealingKey}, an {@link
 * InstantSource}, a {@link SecureRandom} and (for the local CA's CRL) a {@link
 * RevokedCertificateRepository}; this module binds:
 *
 * <ul>
 *   <li>{@link CertificateAuthority}: the local CA or Step-CA, by {@link PkiSettings#mode()} (only
 *       the chosen one is ever built);
 *   <li>{@link KeySealer} (AES-256-GCM under the sealing key), {@link ClientKeyFactory}, {@link
 *       CertificateReader}, {@link CsrVerifier};
 *   <li>{@code @Named("federation-server")} {@link X509ExtendedKeyManager}: B's server certificate
 *       for the federation listener, from the operator's files or issued and renewed by the CA;
 *   <li>{@code @Named("federation-ca-root")} {@link X509Certificate}: the CA root peers pin;
 *   <li>the doctor's {@code ca} {@link DependencyCheck}.
 * </ul>
 *
 * Building the CA, the key manager or the root throws a non-transient {@link
 * InfrastructureException} whose message starts with the setting at fault.
 */
@Module
public abstract class PkiModule {
  private PkiModule() {}

  @Binds
  abstract CertificateAuthority certificateAuthority(ServingAuthority authority);

  @Provides
  @Singleton
  static ServingAuthority servingAuthority(
      PkiSettings settings,
      Provider<LocalCertificateAuthority> local,
      Provider<StepCaCertificateAuthority> stepCa) {
    return switch (settings.mode()) {
      case LOCAL -> local.get();
      case STEPCA -> stepCa.get();
    };
  }

  @Provides
  @Singleton
  static LocalCertificateAuthority localCertificateAuthority(
      PkiSettings settings,
      KeySealer sealer,
      RevokedCertificateRepository revoked,
      InstantSource clock,
      SecureRandom random) {
    var material =
        LocalCaStore.loadOrCreate(settings.localDir().orElseThrow(), sealer, clock, random);
    return new LocalCertificateAuthority(
        material, extensions(settings), settings.certificateLifetime(), revoked, clock, random);
  }

  @Provides
  @Singleton
  static StepCaCertificateAuthority stepCaCertificateAuthority(
      PkiSettings settings, InstantSource clock, SecureRandom random) {
    StepCaSettings stepCa = settings.stepCa().orElseThrow();
    try {
      var root = Certificates.readSingle(stepCa.rootFile());
      var provisioner =
          StepCaProvisioner.load(
              stepCa.provisionerName(), stepCa.provisionerKeyFile(), stepCa.passwordFile(), random);
      var api = new StepCaApi(stepCa.url(), root, StepCaApi.DEFAULT_TIMEOUT);
      return new StepCaCertificateAuthority(
          api, provisioner, root, extensions(settings), settings.certificateLifetime(), clock);
    } catch (CertificateException e) {
      throw new InfrastructureException("pki.stepca.rootFile: " + e.getMessage(), false);
    } catch (GeneralSecurityException e) {
      throw new InfrastructureException(
          "pki.stepca.provisionerKeyFile/passwordFile: " + e.getMessage(), false);
    }
  }

  @Provides
  @Singleton
  static KeySealer keySealer(SealingKey key, SecureRandom random) {
    return new AesGcmKeySealer(key, random);
  }

  @Provides
  @Singleton
  static ClientKeyFactory clientKeyFactory(SecureRandom random) {
    return new BouncyCastleClientKeyFactory(random);
  }

  @Provides
  @Singleton
  static CertificateReader certificateReader(PkiSettings settings) {
    return new BouncyCastleCertificateReader(extensions(settings));
  }

  @Provides
  @Singleton
  static CsrVerifier csrVerifier() {
    return new BouncyCastleCsrVerifier();
  }

  /**
   * B's server identity for {@code federation.publicUrl}'s host: the operator's files when
   * configured (checked, never renewed), else issued now by the CA and renewed after two thirds of
   * its lifetime.
   */
  @Provides
  @Singleton
  @Named("federation-server")
  static X509ExtendedKeyManager serverKeyManager(
      PkiSettings settings, ServingAuthority authority, InstantSource clock, SecureRandom random) {
    ServerName name = ServerName.of(settings.publicUrl());
    return settings
        .serverCertificate()
        .map(
            files ->
                RenewingServerKeyManager.fixed(
                    ServerCredentials.read(files, name, authority.root(), clock.instant()), clock))
        .orElseGet(
            () ->
                RenewingServerKeyManager.renewing(
                    () -> ServerCredentials.issue(authority, name, random), clock));
  }

  @Provides
  @Named("federation-ca-root")
  static X509Certificate caRoot(ServingAuthority authority) {
    return authority.root();
  }

  @Provides
  @IntoSet
  static DependencyCheck caCheck(PkiSettings settings, Provider<KeySealer> sealer) {
    return switch (settings.mode()) {
      case LOCAL -> new LocalCaHealthCheck(settings.localDir().orElseThrow(), sealer.get());
      case STEPCA -> {
        StepCaSettings stepCa = settings.stepCa().orElseThrow();
        yield new StepCaHealthCheck(stepCa.url(), stepCa.rootFile());
      }
    };
  }

  private static MosaicExtensions extensions(PkiSettings settings) {
    return new MosaicExtensions(settings.oidArc());
  }
}
