package dev.mosaic.federation.application.port.out;

/**
 * Reads an X.509 certificate (PEM) strictly: what the requesting side checks in a certificate B
 * returned, and what the serving side reads from a client certificate. The custom extensions are
 * parsed strictly (exact DER UTF8String holding a canonical UUID under {@code pki.oidArc}); a
 * malformed one reads as absent.
 *
 * <p>Never throws for bad input: unreadable text is {@link CertificateReading.Unreadable}.
 */
public interface CertificateReader {
  CertificateReading read(String pem);
}
