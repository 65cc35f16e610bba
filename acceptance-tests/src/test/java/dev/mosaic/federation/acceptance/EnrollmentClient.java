package dev.mosaic.federation.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;

/**
 * Calls a serving gateway's unauthenticated enrollment endpoint the way a requesting gateway does:
 * HTTPS that trusts exactly the gateway's CA root (and checks the host name), a JSON body.
 */
final class EnrollmentClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON =
      MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient client;

  EnrollmentClient(X509Certificate trustedRoot) {
    HandshakeCertificates trust =
        new HandshakeCertificates.Builder().addTrustedCertificate(trustedRoot).build();
    this.client =
        new OkHttpClient.Builder()
            .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** The status and JSON body of {@code POST <gateway>/api/federation/enrollment}. */
  record Answer(int status, JsonNode body) {
    String certificate() {
      return body.path("certificate").asText();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer enroll(URI gateway, String token, String csr) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("token", token, "csr", csr));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Request request =
        new Request.Builder()
            .url(gateway + "/api/federation/enrollment")
            .post(RequestBody.create(body, APPLICATION_JSON))
            .build();
    try (Response response = client.newCall(request).execute()) {
      String text = response.body().string();
      return new Answer(response.code(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + request.url() + " failed", e);
    }
  }

  static X509Certificate certificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
    }
  }

  static X509Certificate certificate(Path file) {
    try {
      return certificate(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
