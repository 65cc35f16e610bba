package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.in.CertificateIdentity;
import dev.mosaic.federation.application.port.in.FederatedRequestContext;
import dev.mosaic.federation.application.port.in.Refusal;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateCommand;
import dev.mosaic.federation.application.port.in.RenewCertificateResult;
import dev.mosaic.federation.application.port.in.RenewCertificateUseCase;
import dev.mosaic.federation.application.port.in.ServeCapabilitiesResult;
import dev.mosaic.federation.application.port.in.ServeFailure;
import dev.mosaic.federation.application.port.in.ServeFederatedRequestUseCase;
import dev.mosaic.federation.application.port.in.ServeGetCommand;
import dev.mosaic.federation.application.port.in.ServeGetResult;
import dev.mosaic.federation.application.port.in.ServeListCommand;
import dev.mosaic.federation.application.port.in.ServeListResult;
import dev.mosaic.federation.application.port.in.ServeRateLimited;
import dev.mosaic.federation.application.port.in.ServeRefused;
import dev.mosaic.federation.application.port.in.ServeSearchCommand;
import dev.mosaic.federation.application.port.in.ServeSearchResult;
import dev.mosaic.federation.application.port.in.ServeUnavailable;
import dev.mosaic.federation.application.port.out.CertificateReader;
import dev.mosaic.federation.application.port.out.CertificateReading;
import dev.mosaic.federation.application.port.out.CertificateSigningRequest;
import dev.mosaic.federation.domain.pki.CertificateFingerprint;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated endpoints of SPEC §9 on B: {@code capabilities}, {@code list}, {@code get},
 * {@code search} and {@code renew} under {@code /api/federation/v1/}. The TLS layer already
 * accepted the client certificate; the identity it carries is read here — strictly, through the
 * {@link CertificateReader}: a missing or malformed extension reads as absent, and the use case
 * answers 401 — and everything else (grant, subject, pin, rate limit, scope, resource names, ids,
 * cursors, audit) is the use case's. Every outcome is mapped to its status and error code by an
 * exhaustive {@code switch}. A request the wire rules refuse before the use case runs is still
 * audited by it, through {@link #audited}.
 */
final class FederatedEndpoints {
  static final String CAPABILITIES = Router.AUTHENTICATED_PREFIX + "capabilities";
  static final String LIST = Router.AUTHENTICATED_PREFIX + "list/{resource}";
  static final String GET = Router.AUTHENTICATED_PREFIX + "get/{resource}/{id}";
  static final String SEARCH = Router.AUTHENTICATED_PREFIX + "search";
  static final String RENEW = Router.AUTHENTICATED_PREFIX + "renew";

  /** The verbs of SPEC §9, as a path under {@link Router#AUTHENTICATED_PREFIX} names them. */
  private static final Set<String> VERBS = Set.of("capabilities", "list", "get", "search", "renew");

  private static final Set<String> RESOURCE_VERBS = Set.of("list", "get");

  /** {@code POST …/list/{resource}}; {@code limit} an integer of any size (saturated). */
  record ListRequest(BigInteger limit, String cursor, String updatedSince) {}

  /** {@code POST …/get/{resource}/{id}}: an empty object. */
  record GetRequest() {}

  /** {@code POST …/search}; {@code query} required, the rest optional. */
  record SearchRequest(
      String query, List<String> resources, BigInteger limit, List<Double> embedding) {}

  /** {@code POST …/renew}: the CSR of the requester's new key. */
  record RenewRequest(String csr) {}

  /** The 200 answer to a renewal. */
  record RenewResponse(String certificate, List<String> chain) {}

  private final ServeFederatedRequestUseCase serve;
  private final RenewCertificateUseCase renewal;
  private final CertificateReader reader;

  FederatedEndpoints(
      ServeFederatedRequestUseCase serve,
      RenewCertificateUseCase renewal,
      CertificateReader reader) {
    this.serve = serve;
    this.renewal = renewal;
    this.reader = reader;
  }

  /** Adds the five routes to {@code router}. */
  Router.Builder addTo(Router.Builder router) {
    return router
        .authenticatedRoute("GET", CAPABILITIES, false, this::capabilities)
        .authenticatedRoute("POST", LIST, true, this::list)
        .authenticatedRoute("POST", GET, true, this::get)
        .authenticatedRoute("POST", SEARCH, true, this::search)
        .authenticatedRoute("POST", RENEW, true, this::renew);
  }

  WireResponse capabilities(WireRequest request) {
    return switch (serve.capabilities(context(request))) {
      case ServeCapabilitiesResult.Served served -> WireResponse.json(200, served.toWire());
      case ServeFailure failure -> answer(failure, request);
    };
  }

  WireResponse list(WireRequest request) {
    ListRequest body = request.json(ListRequest.class);
    ServeListCommand command =
        new ServeListCommand(
            context(request),
            request.pathParameters().get("resource"),
            Json.saturatedLong(body.limit()),
            Optional.ofNullable(body.cursor()),
            Optional.ofNullable(body.updatedSince()));
    return switch (serve.list(command)) {
      case ServeListResult.Listed listed -> WireResponse.json(200, listed.toWire());
      case ServeFailure failure -> answer(failure, request);
    };
  }

  WireResponse get(WireRequest request) {
    request.json(GetRequest.class);
    ServeGetCommand command =
        new ServeGetCommand(
            context(request),
            request.pathParameters().get("resource"),
            request.pathParameters().get("id"));
    return switch (serve.get(command)) {
      case ServeGetResult.Found found -> WireResponse.json(200, found.toWire());
      case ServeGetResult.NotFound notFound ->
          answer(WireException.of(ErrorCode.NOT_FOUND, notFound.message()), request);
      case ServeFailure failure -> answer(failure, request);
    };
  }

  WireResponse search(WireRequest request) {
    SearchRequest body = request.json(SearchRequest.class);
    if (body.query() == null) {
      throw WireException.invalid("field 'query' is required");
    }
    if ((body.resources() != null && body.resources().contains(null))
        || (body.embedding() != null && body.embedding().contains(null))) {
      throw WireException.invalid("resources and embedding must not contain null");
    }
    ServeSearchCommand command =
        new ServeSearchCommand(
            context(request),
            body.query(),
            Optional.ofNullable(body.resources()),
            Json.saturatedLong(body.limit()),
            Optional.ofNullable(body.embedding()));
    return switch (serve.search(command)) {
      case ServeSearchResult.Found found -> WireResponse.json(200, found.toWire());
      case ServeFailure failure -> answer(failure, request);
    };
  }

  WireResponse renew(WireRequest request) {
    RenewRequest body = request.json(RenewRequest.class);
    if (body.csr() == null || body.csr().isBlank()) {
      throw WireException.invalid("field 'csr' is required");
    }
    RenewCertificateCommand command =
        new RenewCertificateCommand(context(request), new CertificateSigningRequest(body.csr()));
    return switch (renewal.renew(command)) {
      case RenewCertificateResult.Renewed renewed ->
          WireResponse.json(200, new RenewResponse(renewed.certificatePem(), renewed.chainPem()));
      case ServeFailure failure -> answer(failure, request);
    };
  }

  /**
   * The error answer to an outcome the use case already audited — returned, not thrown, so that
   * every {@link WireException} leaving these endpoints is a refusal nobody audited yet (see {@link
   * #audited}).
   */
  private static WireResponse answer(ServeFailure failure, WireRequest request) {
    return answer(failure(failure), request);
  }

  private static WireResponse answer(WireException error, WireRequest request) {
    return ErrorEnvelope.response(error, request.context().requestId());
  }

  /**
   * Has the use case audit a refusal of the wire rules (401 without a client certificate, 404, 405,
   * content type, size, JSON) of a request under {@link Router#AUTHENTICATED_PREFIX}; answers
   * {@code refusal} as it is once audited, 503 when it could not be.
   */
  WireException audited(String path, RequestContext context, WireException refusal) {
    Optional<Refusal> reason =
        Arrays.stream(Refusal.values())
            .filter(r -> r.errorCode().equals(refusal.code().wireName()))
            .findFirst();
    if (reason.isEmpty()) {
      return refusal;
    }
    List<String> segments =
        List.of(
            path.substring(Math.min(path.length(), Router.AUTHENTICATED_PREFIX.length()))
                .split("/"));
    String event = VERBS.contains(segments.get(0)) ? segments.get(0) : "unknown";
    Optional<String> resource =
        RESOURCE_VERBS.contains(event) && segments.size() > 1
            ? Optional.of(segments.get(1))
            : Optional.empty();
    RefuseRequestCommand command =
        new RefuseRequestCommand(
            context.clientCertificate().map(this::identity),
            context.requestId(),
            context.trace().map(TraceParent::traceId),
            event,
            resource,
            reason.get(),
            refusal.getMessage());
    ServeFailure outcome = serve.refuse(command);
    return outcome instanceof ServeRefused ? refusal : failure(outcome);
  }

  /** The outcomes every verb shares, as their §9 error. */
  static WireException failure(ServeFailure failure) {
    return switch (failure) {
      case ServeRefused refused ->
          WireException.of(errorCode(refused.refusal()), refused.message());
      case ServeRateLimited limited ->
          WireException.retryable(
              ErrorCode.RATE_LIMITED, ServeRateLimited.MESSAGE, limited.retryAfter());
      case ServeUnavailable unavailable ->
          WireException.retryable(
              ErrorCode.UNAVAILABLE, unavailable.message(), WireHandler.UNAVAILABLE_RETRY_AFTER);
    };
  }

  static ErrorCode errorCode(Refusal refusal) {
    return switch (refusal) {
      case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
      case FORBIDDEN -> ErrorCode.FORBIDDEN;
      case GRANT_REVOKED -> ErrorCode.GRANT_REVOKED;
      case INVALID_REQUEST -> ErrorCode.INVALID_REQUEST;
      case SCOPE_VIOLATION -> ErrorCode.SCOPE_VIOLATION;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
      case PAYLOAD_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
    };
  }

  private FederatedRequestContext context(WireRequest request) {
    RequestContext context = request.context();
    X509Certificate leaf =
        context
            .clientCertificate()
            .orElseThrow(
                () -> WireException.of(ErrorCode.UNAUTHORIZED, "a client certificate is required"));
    return new FederatedRequestContext(
        identity(leaf), context.requestId(), context.trace().map(TraceParent::traceId));
  }

  /** The certificate's fingerprint and its two extensions, empty when missing or malformed. */
  CertificateIdentity identity(X509Certificate leaf) {
    byte[] der;
    try {
      der = leaf.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate accepted at TLS cannot be encoded", e);
    }
    CertificateFingerprint fingerprint = CertificateFingerprint.of(der);
    return switch (reader.read(Pem.encode(der))) {
      case CertificateReading.Read read ->
          new CertificateIdentity(
              read.grantId().map(id -> id.value().toString()),
              read.subjectUserId().map(id -> id.value().toString()),
              fingerprint);
      case CertificateReading.Unreadable unreadable ->
          new CertificateIdentity(Optional.empty(), Optional.empty(), fingerprint);
    };
  }
}
