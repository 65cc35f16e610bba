package dev.mosaic.federation.adapters.pki;

import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What each CA adapter offers inside this module: the {@link CertificateAuthority} port plus B's
 * own server certificate profile.
 */
interface ServingAuthority extends CertificateAuthority {

  /**
   * Issues B's server certificate for the public key of {@code key}: {@code name} as its only
   * subject alternative name, extended key usage serverAuth only, not a CA, none of the client
   * extensions, lifetime {@code pki.certificateLifetime}; checked before it is returned.
   *
   * @return the certificate first, then its intermediates (no root)
   * @throws InfrastructureException when the CA fails or issued something else
   */
  List<X509Certificate> issueServerCertificate(ServerName name, KeyPair key);

  /** The CA's root, which peers pin. */
  X509Certificate root();
}
