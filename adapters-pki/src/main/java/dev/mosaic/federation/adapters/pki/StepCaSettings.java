package dev.mosaic.federation.adapters.pki;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the Step-CA adapter needs ({@code pki.stepca.*}).
 *
 * @param url step-ca's base URL, https
 * @param rootFile the pinned step-ca root certificate (PEM); the only certificate TLS to step-ca
 *     trusts
 * @param provisionerName the JWK provisioner's name (the tokens' {@code iss})
 * @param provisionerKeyFile the provisioner's private key: its {@code encryptedKey} (compact JWE)
 *     or a plain private JWK
 * @param passwordFile the password opening an encrypted provisioner key
 */
public record StepCaSettings(
    URI url, Path rootFile, String provisionerName, Path provisionerKeyFile, Path passwordFile) {

  public StepCaSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(rootFile, "rootFile");
    Objects.requireNonNull(provisionerName, "provisionerName");
    Objects.requireNonNull(provisionerKeyFile, "provisionerKeyFile");
    Objects.requireNonNull(passwordFile, "passwordFile");
    if (!"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("pki.stepca.url must be an https URL, was " + url);
    }
  }
}
