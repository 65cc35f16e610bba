package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentCommand;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.in.RedeemEnrollmentUseCase;
import dev.mosaic.federation.application.port.out.CertificateAuthority;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The unauthenticated endpoints of SPEC §9: enrollment, the CA root and the CRL. The CA's two
 * read-only answers come straight from the {@link CertificateAuthority} port.
 */
final class EnrollmentEndpoints {
  static final String ENROLLMENT = "/api/federation/enrollment";
  static final String CA = "/api/federation/ca";
  static final String CRL = "/api/federation/crl";

  /** {@code POST /api/federation/enrollment}. */
  record EnrollmentRequest(String token, String csr) {
    @Override
    public String toString() {
      return "EnrollmentRequest[token redacted]";
    }
  }

  /** The 200 answer to an enrollment. */
  record EnrollmentResponse(
      String certificate, List<String> chain, String grantId, String peerId) {}

  private final RedeemEnrollmentUseCase redeem;
  private final CertificateAuthority authority;

  EnrollmentEndpoints(RedeemEnrollmentUseCase redeem, CertificateAuthority authority) {
    this.redeem = redeem;
    this.authority = authority;
  }

  /** Adds the three routes to {@code router}. */
  Router.Builder addTo(Router.Builder router) {
    return router
        .publicRoute("POST", ENROLLMENT, true, this::enroll)
        .publicRoute("GET", CA, false, this::caRoot)
        .publicRoute("GET", CRL, false, this::crl);
  }

  WireResponse enroll(WireRequest request) {
    EnrollmentRequest body = request.json(EnrollmentRequest.class);
    String token = required(body.token(), "token");
    String csr = required(body.csr(), "csr");
    RedeemEnrollmentResult result =
        redeem.redeem(new RedeemEnrollmentCommand(token, new CertificateSigningRequest(csr)));
    return switch (result) {
      case RedeemEnrollmentResult.Enrolled enrolled ->
          WireResponse.json(
              200,
              new EnrollmentResponse(
                  enrolled.certificate().certificatePem(),
                  enrolled.certificate().chainPem(),
                  enrolled.grantId().toString(),
                  enrolled.peerId().toString()));
      case RedeemEnrollmentResult.UnknownToken unknown ->
          throw WireException.of(ErrorCode.NOT_FOUND, "unknown enrollment token");
      case RedeemEnrollmentResult.Gone gone ->
          throw WireException.of(ErrorCode.GONE, gone.reason());
      case RedeemEnrollmentResult.InvalidCsr invalid ->
          throw WireException.invalid("csr: " + invalid.reason());
    };
  }

  WireResponse caRoot(WireRequest request) {
    return WireResponse.bytes(
        200,
        "application/x-pem-file",
        authority.rootCertificatePem().getBytes(StandardCharsets.US_ASCII));
  }

  WireResponse crl(WireRequest request) {
    return authority
        .currentCrl()
        .map(der -> WireResponse.bytes(200, "application/pkix-crl", der))
        .orElseThrow(
            () ->
                WireException.of(
                    ErrorCode.NOT_FOUND,
                    "this gateway's CA publishes no CRL; revocation is enforced by the gateway"
                        + " itself on every request"));
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw WireException.invalid("field '" + field + "' is required");
    }
    return value;
  }
}
