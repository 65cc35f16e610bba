package dev.mosaic.federation.adapters.http;

import dev.mosaic.federation.domain.audit.RequestId;
import java.util.UUID;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself (a malformed request line, headers too large, an ambiguous URI) get
 * the same JSON envelope and {@code X-Request-Id} as everything else, and never Jetty's HTML page,
 * exception message or stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    RequestId requestId = RequestId.of(UUID.randomUUID());
    WireResponse envelope = ErrorEnvelope.response(forStatus(status), requestId);
    WireResponse answer =
        new WireResponse(status, envelope.contentType(), envelope.body(), envelope.headers());
    WireHandler.write(response, answer, requestId, callback);
    return true;
  }

  /** Jetty's status with the closest wire code and a fixed message. */
  private static WireException forStatus(int status) {
    if (status == 413) {
      return WireException.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request is too large");
    }
    if (status >= 500) {
      return WireException.of(ErrorCode.INTERNAL, "internal error");
    }
    return WireException.of(ErrorCode.INVALID_REQUEST, "the request is malformed (" + status + ")");
  }
}
