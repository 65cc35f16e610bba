package dev.mosaic.federation.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.federation.application.port.in.RedeemEnrollmentResult;
import dev.mosaic.federation.application.port.in.RefuseRequestCommand;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireRulesTest {
  private static final String ENROLL = "/api/federation/enrollment";
  private static final int LIMIT = 64 * 1024;

  private final Listener listener = new Listener();

  @AfterEach
  void stop() {
    listener.close();
  }

  /** A valid enrollment body of exactly {@code size} bytes (the CSR is padding). */
  private static byte[] enrollmentOfSize(int size) {
    String head = "{\"token\":\"t\",\"csr\":\"";
    String tail = "\"}";
    char[] padding = new char[size - head.length() - tail.length()];
    Arrays.fill(padding, 'A');
    return (head + new String(padding) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertError(Listener.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(reply.error()).containsEntry("code", code);
    assertThat(reply.error()).containsEntry("requestId", reply.header("X-Request-Id"));
  }

  @Test
  void body_exactly64KiB_isAccepted() {
    listener.redeem.answer(new RedeemEnrollmentResult.UnknownToken());

    Listener.Reply reply = listener.post(ENROLL, "application/json", enrollmentOfSize(LIMIT));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(listener.redeem.received()).hasSize(1);
  }

  @Test
  void body_over64KiBWithContentLength_is413() {
    Listener.Reply reply = listener.post(ENROLL, "application/json", enrollmentOfSize(LIMIT + 1));

    assertError(reply, 413, "payload_too_large");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void body_over64KiBChunked_is413CountedWhileReading() {
    Listener.Reply reply = listener.postChunked(ENROLL, enrollmentOfSize(LIMIT + 1));

    assertError(reply, 413, "payload_too_large");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void body_exactly64KiBChunked_isAccepted() {
    listener.redeem.answer(new RedeemEnrollmentResult.UnknownToken());

    Listener.Reply reply = listener.postChunked(ENROLL, enrollmentOfSize(LIMIT));

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void contentType_otherThanJson_is400() {
    byte[] body = "{\"token\":\"t\",\"csr\":\"c\"}".getBytes(StandardCharsets.UTF_8);

    assertError(listener.post(ENROLL, "text/plain", body), 400, "invalid_request");
    assertError(
        listener.post(ENROLL, "application/json; charset=iso-8859-1", body),
        400,
        "invalid_request");
    assertError(
        listener.post(ENROLL, "application/json; boundary=x", body), 400, "invalid_request");
    assertError(listener.post(ENROLL, null, body), 400, "invalid_request");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void contentType_jsonWithOrWithoutUtf8Charset_isAccepted() {
    byte[] body = "{\"token\":\"t\",\"csr\":\"c\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(listener.post(ENROLL, "application/json", body).status()).isEqualTo(404);
    assertThat(listener.post(ENROLL, "Application/JSON;charset=UTF-8", body).status())
        .isEqualTo(404);
    assertThat(listener.redeem.received()).hasSize(2);
  }

  @Test
  void json_malformed_is400WithThePosition() {
    Listener.Reply reply = listener.postJson(ENROLL, "{\"token\": \"secret-tok\",");

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error().get("message").toString()).startsWith("malformed JSON");
    assertThat(reply.text()).doesNotContain("secret-tok");
  }

  @Test
  void json_duplicateKeyOrTrailingContent_is400() {
    assertError(
        listener.postJson(ENROLL, "{\"token\":\"a\",\"token\":\"b\",\"csr\":\"c\"}"),
        400,
        "invalid_request");
    assertError(
        listener.postJson(ENROLL, "{\"token\":\"a\",\"csr\":\"c\"} {}"), 400, "invalid_request");
  }

  @Test
  void json_unknownField_is400NamingIt() {
    Listener.Reply reply =
        listener.postJson(ENROLL, "{\"token\":\"t\",\"csr\":\"c\",\"grantId\":\"x\"}");

    assertError(reply, 400, "invalid_request");
    assertThat(reply.error().get("message").toString()).isEqualTo("unknown field 'grantId'");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void json_wrongType_is400NamingTheField() {
    Listener.Reply number = listener.postJson(ENROLL, "{\"token\":12345,\"csr\":\"c\"}");
    Listener.Reply object = listener.postJson(ENROLL, "{\"token\":\"t\",\"csr\":{\"a\":1}}");
    Listener.Reply array = listener.postJson(ENROLL, "[\"t\",\"c\"]");

    assertError(number, 400, "invalid_request");
    assertThat(number.error().get("message").toString())
        .isEqualTo("field 'token' must be a string");
    assertThat(object.error().get("message").toString()).isEqualTo("field 'csr' must be a string");
    assertError(array, 400, "invalid_request");
    assertThat(array.error().get("message").toString()).contains("JSON object");
    assertThat(listener.redeem.received()).isEmpty();
  }

  @Test
  void json_emptyBody_is400() {
    Listener.Reply reply = listener.post(ENROLL, "application/json", new byte[0]);

    assertError(reply, 400, "invalid_request");
  }

  @Test
  void method_otherOnKnownPath_is405WithAllow() {
    Listener.Reply getEnrollment = listener.get(ENROLL);
    Listener.Reply postCa = listener.postJson("/api/federation/ca", "{}");
    Listener.Reply deleteCrl =
        listener.call(
            new Request.Builder().url(listener.url("/api/federation/crl")).delete().build());

    assertError(getEnrollment, 405, "method_not_allowed");
    assertThat(getEnrollment.header("Allow")).isEqualTo("POST");
    assertError(postCa, 405, "method_not_allowed");
    assertThat(postCa.header("Allow")).isEqualTo("GET");
    assertError(deleteCrl, 405, "method_not_allowed");
    assertThat(deleteCrl.header("Allow")).isEqualTo("GET");
  }

  @Test
  void path_unknown_is404() {
    assertError(listener.get("/api/federation/nope"), 404, "not_found");
    assertError(listener.get("/"), 404, "not_found");
    assertError(listener.get("/api/federation/ca/"), 404, "not_found");
  }

  @Test
  void v1_withoutClientCertificate_is401UnauthorizedAndAuditedWithoutIdentity() {
    assertError(listener.get("/api/federation/v1/capabilities"), 401, "unauthorized");
    assertError(listener.postJson("/api/federation/v1/list/tasks", "{}"), 401, "unauthorized");
    assertError(listener.get("/api/federation/v1/no-such-thing"), 401, "unauthorized");
    assertThat(listener.serve.refusals())
        .allSatisfy(command -> assertThat(command.identity()).isEmpty())
        .extracting(RefuseRequestCommand::event)
        .containsExactly("capabilities", "list", "unknown");
  }

  @Test
  void publicEndpoints_refusals_areNotToldToTheServingUseCase() {
    listener.post(ENROLL, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
    listener.postJson(ENROLL, "{\"token\": ");
    listener.postJson(ENROLL, "{\"token\":\"t\",\"csr\":\"c\",\"grantId\":\"x\"}");
    listener.post(ENROLL, "application/json", enrollmentOfSize(LIMIT + 1));
    listener.get(ENROLL);
    listener.postJson("/api/federation/ca", "{}");
    listener.get("/api/federation/nope");

    assertThat(listener.serve.refusals()).isEmpty();
  }

  @Test
  void requestId_presentOnEveryResponse_generatedUnlessACanonicalUuidCame() {
    UUID mine = UUID.randomUUID();
    Listener.Reply ok = listener.get("/api/federation/ca");
    Listener.Reply notFound = listener.get("/nowhere");
    Listener.Reply echoed =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("X-Request-Id", mine.toString())
                .build());
    Listener.Reply replaced =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("X-Request-Id", "<script>")
                .build());

    assertThat(UUID.fromString(ok.header("X-Request-Id"))).isNotNull();
    assertThat(UUID.fromString(notFound.header("X-Request-Id"))).isNotNull();
    assertThat(ok.header("X-Request-Id")).isNotEqualTo(notFound.header("X-Request-Id"));
    assertThat(echoed.header("X-Request-Id")).isEqualTo(mine.toString());
    assertThat(UUID.fromString(replaced.header("X-Request-Id"))).isNotNull();
  }

  @Test
  void jettyError_ambiguousPath_isAJsonEnvelopeWithRequestId() {
    Listener.Reply reply = listener.get("/api/federation/x%2F..%2Fca");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).containsEntry("code", "invalid_request");
    assertThat(UUID.fromString(reply.header("X-Request-Id"))).isNotNull();
    assertThat(reply.text()).doesNotContain("<html", "Exception");
  }

  @Test
  void jettyError_headersTooLarge_isAJsonEnvelopeWithRequestId() {
    Listener.Reply reply =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("X-Padding", "p".repeat(20_000))
                .build());

    assertThat(reply.status()).isEqualTo(431);
    assertThat(reply.error()).containsEntry("code", "invalid_request");
    assertThat(UUID.fromString(reply.header("X-Request-Id"))).isNotNull();
  }

  @Test
  void jettyError_malformedRequestLine_isAJsonEnvelopeWithRequestId() throws IOException {
    SSLSocketFactory factory = listener.pki.clientCertificates(null).sslSocketFactory();
    try (Socket socket = factory.createSocket("127.0.0.1", listener.server.port())) {
      socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(raw).startsWith("HTTP/1.1 400");
      assertThat(raw).containsIgnoringCase("X-Request-Id: ");
      assertThat(raw).contains("{\"error\":{\"code\":\"invalid_request\"");
    }
  }

  @Test
  void traceparent_anyValue_neverRefusesTheRequest() {
    Listener.Reply valid =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .build());
    Listener.Reply invalid =
        listener.call(
            new Request.Builder()
                .url(listener.url("/api/federation/ca"))
                .header("traceparent", "garbage")
                .build());

    assertThat(valid.status()).isEqualTo(200);
    assertThat(invalid.status()).isEqualTo(200);
  }

  @Test
  void head_onGetEndpoint_is405NotAHiddenGet() {
    Listener.Reply reply =
        listener.call(new Request.Builder().url(listener.url("/api/federation/ca")).head().build());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void put_withJsonOnEnrollment_is405() {
    Listener.Reply reply =
        listener.call(
            new Request.Builder()
                .url(listener.url(ENROLL))
                .put(RequestBody.create(new byte[] {'{', '}'}, null))
                .build());

    assertError(reply, 405, "method_not_allowed");
  }
}
