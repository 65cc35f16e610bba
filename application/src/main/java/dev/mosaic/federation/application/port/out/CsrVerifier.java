package dev.mosaic.federation.application.port.out;

/**
 * Checks a CSR before anything is signed (SPEC §4): parseable PEM, valid self-signature, EC
 * P-256/P-384 or RSA ≥ 2048, no MD5/SHA-1. Only the public key is used afterwards.
 *
 * <p>Pure computation: never throws; malformed input is {@link CsrVerification.Rejected}.
 */
public interface CsrVerifier {
  CsrVerification verify(CertificateSigningRequest csr);
}
