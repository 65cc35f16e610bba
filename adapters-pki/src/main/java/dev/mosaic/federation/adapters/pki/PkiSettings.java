package dev.mosaic.federation.adapters.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the PKI adapter reads from the configuration (SPEC §11). The sealing key is not here:
 * it reaches {@link PkiModule} as a {@link SealingKey} of its own.
 *
 * @param mode {@code pki.mode}
 * @param localDir {@code pki.local.dir}; required in {@link Mode#LOCAL}
 * @param stepCa {@code pki.stepca.*}; required in {@link Mode#STEPCA}
 * @param oidArc {@code pki.oidArc}, the arc of the two custom client-certificate extensions
 * @param certificateLifetime {@code pki.certificateLifetime}: client certificates, and B's own
 *     server certificate when its CA issues it
 * @param publicUrl {@code federation.publicUrl}: its host is the name (DNS or IP) B's server
 *     certificate is issued for
 * @param serverCertificate {@code federation.serverCertificateFile}/{@code serverKeyFile} when the
 *     operator supplies B's server certificate; empty to have B's CA issue and renew it
 */
public record PkiSettings(
    Mode mode,
    Optional<Path> localDir,
    Optional<StepCaSettings> stepCa,
    String oidArc,
    Duration certificateLifetime,
    URI publicUrl,
    Optional<ServerCertificateFiles> serverCertificate) {

  /** The extension arc used when {@code pki.oidArc} is not configured (a development arc). */
  public static final String DEFAULT_OID_ARC = MosaicExtensions.DEFAULT_ARC;

  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

  /** {@code pki.mode}. */
  public enum Mode {
    /** A BouncyCastle root and intermediate in {@code pki.local.dir}. */
    LOCAL,
    /** A step-ca server and its JWK provisioner. */
    STEPCA
  }

  /**
   * An operator-supplied server certificate.
   *
   * @param certificateFile PEM: the certificate first, then its intermediates
   * @param keyFile PEM PKCS#8 ({@code PRIVATE KEY}), unencrypted
   */
  public record ServerCertificateFiles(Path certificateFile, Path keyFile) {
    public ServerCertificateFiles {
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(keyFile, "keyFile");
    }
  }

  /**
   * @throws IllegalArgumentException naming the key that is missing or invalid
   */
  public PkiSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(localDir, "localDir");
    Objects.requireNonNull(stepCa, "stepCa");
    Objects.requireNonNull(oidArc, "oidArc");
    Objects.requireNonNull(certificateLifetime, "certificateLifetime");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(serverCertificate, "serverCertificate");
    if (mode == Mode.LOCAL && localDir.isEmpty()) {
      throw new IllegalArgumentException("pki.local.dir: required when pki.mode is local");
    }
    if (mode == Mode.STEPCA && stepCa.isEmpty()) {
      throw new IllegalArgumentException("pki.stepca.*: required when pki.mode is stepca");
    }
    if (!OID.matcher(oidArc).matches()) {
      throw new IllegalArgumentException(
          "pki.oidArc: '" + oidArc + "' is not an object identifier like " + DEFAULT_OID_ARC);
    }
    if (certificateLifetime.toSeconds() < 60) {
      throw new IllegalArgumentException("pki.certificateLifetime: must be at least 1 minute");
    }
    if (publicUrl.getHost() == null || publicUrl.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "federation.publicUrl: '" + publicUrl + "' names no host for the server certificate");
    }
  }
}
