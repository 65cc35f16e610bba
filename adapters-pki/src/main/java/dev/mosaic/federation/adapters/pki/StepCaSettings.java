package dev.mosaic.federation.adapters.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Step-CA adapter needs ({@code pki.stepca.*}, {@code pki.oidArc}, {@code
 * pki.certificateLifetime}).
 *
 * @param url step-ca's base URL, https
 * @param rootFile the pinned step-ca root certificate (PEM); the only certificate TLS to step-ca
 *     trusts
 * @param provisionerName the JWK provisioner's name (the tokens' {@code iss})
 * @param provisionerKeyFile the provisioner's private key: its {@code encryptedKey} (compact JWE)
 *     or a plain private JWK
 * @param passwordFile the password opening an encrypted provisioner key
 * @param oidArc the arc of the two custom extensions, e.g. {@code 1.3.6.1.4.1.99999}; must match
 *     the provisioner's x509 template
 * @param certificateLifetime lifetime of issued client certificates (within the provisioner's
 *     min/max TLS durations)
 */
public record StepCaSettings(
    URI url,
    Path rootFile,
    String provisionerName,
    Path provisionerKeyFile,
    Path passwordFile,
    String oidArc,
    Duration certificateLifetime) {

  /** The extension arc used when {@code pki.oidArc} is not configured. */
  public static final String DEFAULT_OID_ARC = MosaicExtensions.DEFAULT_ARC;

  public StepCaSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(rootFile, "rootFile");
    Objects.requireNonNull(provisionerName, "provisionerName");
    Objects.requireNonNull(provisionerKeyFile, "provisionerKeyFile");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(oidArc, "oidArc");
    Objects.requireNonNull(certificateLifetime, "certificateLifetime");
    if (!"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("pki.stepca.url must be an https URL, was " + url);
    }
    if (certificateLifetime.isNegative() || certificateLifetime.toSeconds() < 60) {
      throw new IllegalArgumentException("pki.certificateLifetime must be at least 1 minute");
    }
  }
}
