package dev.mosaic.federation.adapters.pki.graph;

import dagger.BindsInstance;
import dagger.Component;
import dev.mosaic.federation.adapters.pki.PkiModule;
import dev.mosaic.federation.adapters.pki.PkiSettings;
import dev.mosaic.federation.adapters.pki.SealingKey;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.ClientKeyFactory;
import dev.mosaic.federation.application.port.out.CsrVerifier;
import dev.mosaic.federation.application.port.out.DependencyCheck;
import dev.mosaic.federation.application.port.out.KeySealer;
import dev.mosaic.federation.application.port.out.RevokedCertificateRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Set;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * {@link PkiModule} wired the way bootstrap wires it, from another package (so only the module's
 * public surface is used), for {@link PkiComponentTest}.
 */
@Singleton
@Component(modules = PkiModule.class)
interface TestPkiComponent {
  CertificateAuthority certificateAuthority();

  KeySealer keySealer();

  ClientKeyFactory clientKeyFactory();

  CertificateReader certificateReader();

  CsrVerifier csrVerifier();

  @Named("federation-server")
  X509ExtendedKeyManager serverKeyManager();

  @Named("federation-ca-root")
  X509Certificate caRoot();

  Set<DependencyCheck> checks();

  @Component.Factory
  interface Factory {
    TestPkiComponent create(
        @BindsInstance PkiSettings settings,
        @BindsInstance SealingKey sealingKey,
        @BindsInstance InstantSource clock,
        @BindsInstance SecureRandom random,
        @BindsInstance RevokedCertificateRepository revoked);
  }
}
