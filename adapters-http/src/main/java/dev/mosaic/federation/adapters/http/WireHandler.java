package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.application.port.out.InfrastructureException;
import dev.mosaic.federation.application.port.out.RateLimitDecision;
import dev.mosaic.federation.domain.audit.RequestId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The wire rules of SPEC §9 around every route of a listener, in this order: request id and trace
 * context; on the federation listener, 401 without a client certificate under {@link
 * Router#AUTHENTICATED_PREFIX}; 404 / 405 from the router; 429 per client address on public routes;
 * 400 for a JSON route whose content type is not {@code application/json} (parameter {@code
 * charset=utf-8} optional, nothing else); 413 for a body over {@value #MAX_BODY_BYTES} bytes,
 * counted while reading (a larger {@code Content-Length} is refused before reading); then the
 * endpoint. Exceptions become envelopes: {@link WireException} as it says, a transient {@link
 * InfrastructureException} 503 with {@code Retry-After}, anything else 500 with only the request
 * id. On the federation listener a refusal of these rules under {@code /v1} is audited by the
 * serving use case before it is answered (503 instead if it cannot be audited), so every federated
 * request leaves its audit row (SPEC §7).
 *
 * <p>{@code X-Request-Id}: an incoming header that is a canonical UUID is kept (so a requesting
 * gateway's id correlates both sides' logs and audit), anything else is replaced by a fresh random
 * UUID; every response carries it. Logs name the method, path (never the query), status and ids;
 * never bodies, exception messages of unknown origin, or stack traces.
 */
final class WireHandler extends Handler.Abstract {
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(WireHandler.class);

  private final Router router;
  private final Optional<AddressRateLimiter> publicRateLimiter;
  private final boolean clientCertificateGate;
  private final Optional<FederatedEndpoints> federated;
  private final LongAdder requestsHandled = new LongAdder();

  private WireHandler(
      Router router,
      Optional<AddressRateLimiter> publicRateLimiter,
      boolean clientCertificateGate,
      Optional<FederatedEndpoints> federated) {
    this.router = router;
    this.publicRateLimiter = publicRateLimiter;
    this.clientCertificateGate = clientCertificateGate;
    this.federated = federated;
  }

  /**
   * B's federation listener: {@code /api/federation/v1/*} needs a client certificate, public routes
   * are rate limited per client address; a refusal of these wire rules under {@code /v1} is audited
   * through {@code federated}, like every federated request.
   */
  static WireHandler federation(
      Router router, AddressRateLimiter publicRateLimiter, FederatedEndpoints federated) {
    return new WireHandler(router, Optional.of(publicRateLimiter), true, Optional.of(federated));
  }

  /** The loopback session API: its endpoints authenticate the caller themselves. */
  static WireHandler loopback(Router router) {
    return new WireHandler(router, Optional.empty(), false, Optional.empty());
  }

  /**
   * Requests that reached this handler, whatever their answer. A connection whose TLS handshake
   * failed never gets here, nor does a request Jetty itself refuses as malformed.
   */
  long requestsHandled() {
    return requestsHandled.sum();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    requestsHandled.increment();
    long started = System.nanoTime();
    RequestContext context = context(request);
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    MDC.put("requestId", context.requestId().toString());
    context.trace().ifPresent(trace -> MDC.put("traceId", trace.traceId()));
    try {
      WireResponse answer = answer(request, method, path, context);
      LOG.info(
          "{} {} -> {} in {} ms",
          method,
          path,
          answer.status(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      write(response, answer, context.requestId(), callback);
    } finally {
      MDC.remove("requestId");
      MDC.remove("traceId");
    }
    return true;
  }

  private WireResponse answer(Request request, String method, String path, RequestContext context) {
    try {
      return dispatch(request, method, path, context);
    } catch (WireException e) {
      return ErrorEnvelope.response(e, context.requestId());
    } catch (InfrastructureException e) {
      if (e.isTransient()) {
        LOG.warn("{} {}: a dependency is unavailable: {}", method, path, e.getMessage());
        return ErrorEnvelope.response(
            WireException.retryable(
                ErrorCode.UNAVAILABLE,
                "temporarily unavailable; retry later",
                UNAVAILABLE_RETRY_AFTER),
            context.requestId());
      }
      LOG.error("{} {}: infrastructure failure: {}", method, path, e.getMessage());
      return internalError(context.requestId());
    } catch (RuntimeException e) {
      LOG.error("{} {}: unexpected {}", method, path, where(e));
      return internalError(context.requestId());
    }
  }

  /**
   * {@link #route}, with every refusal of a request under {@code /v1} on the federation listener
   * audited (a use case's own outcomes are answered, not thrown, so none is audited twice).
   */
  private WireResponse dispatch(
      Request request, String method, String path, RequestContext context) {
    try {
      return route(request, method, path, context);
    } catch (WireException refusal) {
      if (federated.isPresent() && Router.needsClientCertificate(path)) {
        throw federated.get().audited(path, context, refusal);
      }
      throw refusal;
    }
  }

  private WireResponse route(Request request, String method, String path, RequestContext context) {
    if (clientCertificateGate
        && Router.needsClientCertificate(path)
        && context.clientCertificate().isEmpty()) {
      throw WireException.of(ErrorCode.UNAUTHORIZED, "a client certificate is required");
    }
    Router.Match.Found found =
        switch (router.match(method, path)) {
          case Router.Match.Found f -> f;
          case Router.Match.MethodNotAllowed m -> throw WireException.methodNotAllowed(m.allow());
          case Router.Match.NotFound n ->
              throw WireException.of(ErrorCode.NOT_FOUND, "no such path");
        };
    Router.Route route = found.route();
    if (route.access() == Router.Access.PUBLIC) {
      rateLimit(context.remoteAddress());
    }
    if (route.jsonBody()) {
      requireJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }
    byte[] body = readBody(request);
    return route
        .endpoint()
        .handle(new WireRequest(method, path, found.pathParameters(), body, context));
  }

  private void rateLimit(String address) {
    AddressRateLimiter limiter =
        publicRateLimiter.orElseThrow(
            () -> new IllegalStateException("a public route on a listener without a rate limit"));
    if (limiter.tryAcquire(address) instanceof RateLimitDecision.Limited limited) {
      throw WireException.retryable(
          ErrorCode.RATE_LIMITED,
          "too many requests from this address; retry later",
          limited.retryAfter());
    }
  }

  /** {@code application/json}, optionally with {@code charset=utf-8}; nothing else. */
  static void requireJson(String contentType) {
    if (contentType == null) {
      throw WireException.invalid("Content-Type application/json is required");
    }
    String[] parts = contentType.split(";");
    boolean json = parts[0].trim().equalsIgnoreCase("application/json");
    for (int i = 1; i < parts.length && json; i++) {
      String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
      json = parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\"");
    }
    if (!json) {
      throw WireException.invalid(
          "Content-Type must be application/json (charset utf-8), not the one sent");
    }
  }

  private static byte[] readBody(Request request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    InputStream in = Content.Source.asInputStream(request);
    byte[] body;
    try {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw WireException.invalid("the request body could not be read");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  /** With {@code Connection: close}: the rest of the body was not read, the connection is spent. */
  private static WireException tooLarge() {
    return WireException.closing(
        ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + MAX_BODY_BYTES + " bytes");
  }

  private static WireResponse internalError(RequestId requestId) {
    return ErrorEnvelope.response(
        WireException.of(ErrorCode.INTERNAL, "internal error; quote request id " + requestId),
        requestId);
  }

  static RequestContext context(Request request) {
    return new RequestContext(
        requestId(request.getHeaders().get(REQUEST_ID_HEADER)),
        TraceParent.parse(request.getHeaders().get("traceparent")),
        Request.getRemoteAddr(request),
        clientCertificates(request),
        Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
  }

  /** The caller's id when it is a canonical UUID, else a fresh one. */
  static RequestId requestId(String header) {
    if (header != null) {
      try {
        return RequestId.parse(header);
      } catch (IllegalArgumentException e) {
        // not ours to keep: replaced below
      }
    }
    return RequestId.of(UUID.randomUUID());
  }

  private static List<X509Certificate> clientCertificates(Request request) {
    if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
            instanceof EndPoint.SslSessionData tls
        && tls.peerCertificates() != null) {
      return List.of(tls.peerCertificates());
    }
    return List.of();
  }

  static void write(
      Response response, WireResponse answer, RequestId requestId, Callback callback) {
    response.setStatus(answer.status());
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    headers.put(REQUEST_ID_HEADER, requestId.toString());
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  /** The exception's type and the frame it was thrown from; never its message. */
  private static String where(Throwable e) {
    StackTraceElement[] frames = e.getStackTrace();
    return e.getClass().getName()
        + Optional.ofNullable(frames.length > 0 ? frames[0] : null)
            .map(frame -> " at " + frame)
            .orElse("");
  }
}
