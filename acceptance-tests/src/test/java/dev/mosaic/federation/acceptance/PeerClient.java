package dev.mosaic.federation.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls B's federation listener as a requesting gateway would — or as an attacker could: HTTPS that
 * trusts exactly B's CA root and checks B's host name, presenting the given {@link ClientIdentity}
 * (or no certificate at all). Every call is a single attempt (no silent retry), so a refused
 * handshake surfaces as an {@link UncheckedIOException}.
 */
final class PeerClient {
  static final String V1 = "/api/federation/v1";
  static final String APPLICATION_JSON = "application/json; charset=utf-8";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final OkHttpClient client;

  private PeerClient(URI base, X509Certificate trustedRoot, Optional<ClientIdentity> identity) {
    this.base = base;
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("root", trustedRoot);
      TrustManagerFactory trustFactory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      X509TrustManager trustManager = (X509TrustManager) trustFactory.getTrustManagers()[0];

      KeyManager[] keyManagers =
          identity.map(id -> new KeyManager[] {new AlwaysPresenting(id)}).orElse(null);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers, new X509TrustManager[] {trustManager}, null);
      this.client =
          new OkHttpClient.Builder()
              .sslSocketFactory(tls.getSocketFactory(), trustManager)
              .retryOnConnectionFailure(false)
              .connectTimeout(Duration.ofSeconds(5))
              .readTimeout(Duration.ofSeconds(30))
              .build();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS client: " + e.getMessage(), e);
    }
  }

  /** A client of {@code serving} presenting {@code identity}. */
  static PeerClient of(Gateway serving, ClientIdentity identity) {
    return new PeerClient(serving.publicUrl(), caRoot(serving), Optional.of(identity));
  }

  /** A client of {@code serving} presenting no client certificate. */
  static PeerClient anonymous(Gateway serving) {
    return new PeerClient(serving.publicUrl(), caRoot(serving), Optional.empty());
  }

  /** B's local CA root, as its operator hands it out. */
  static X509Certificate caRoot(Gateway serving) {
    return EnrollmentClient.certificate(serving.dir().resolve("pki/ca/root.crt"));
  }

  /** {@code GET /api/federation/v1/capabilities}. */
  HttpReply capabilities() {
    return call("GET", V1 + "/capabilities", null, null, Map.of());
  }

  /** {@code POST /api/federation/v1/list/{resource}} with {@code json}. */
  HttpReply list(String resource, String json) {
    return call("POST", V1 + "/list/" + resource, APPLICATION_JSON, json, Map.of());
  }

  /** {@code POST /api/federation/v1/get/{resource}/{id}} with {@code {}}. */
  HttpReply get(String resource, String id) {
    return call("POST", V1 + "/get/" + resource + "/" + id, APPLICATION_JSON, "{}", Map.of());
  }

  /** {@code POST /api/federation/v1/renew} with {@code {csr}}. */
  HttpReply renew(String csrPem) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("csr", csrPem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return call("POST", V1 + "/renew", APPLICATION_JSON, body, Map.of());
  }

  /** Any request: {@code body} (UTF-8) and {@code contentType} may be null. */
  HttpReply call(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    RequestBody requestBody = null;
    if (body != null) {
      requestBody =
          RequestBody.create(
              body.getBytes(StandardCharsets.UTF_8),
              contentType == null ? null : MediaType.get(contentType));
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    Request.Builder request = new Request.Builder().url(base + path).method(method, requestBody);
    headers.forEach(request::header);
    try (Response response = client.newCall(request.build()).execute()) {
      return new HttpReply(
          response.code(),
          response.header("X-Request-Id"),
          response.header("Content-Type"),
          response.body().string(),
          response.headers().toMultimap());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
    }
  }

  /**
   * Presents its one certificate whatever issuers the server names in its certificate request: a
   * JDK key manager would send nothing when the issuer is not among them, and the server would
   * never see — and never have to refuse — a foreign certificate.
   */
  static final class AlwaysPresenting extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";
    private final ClientIdentity identity;

    AlwaysPresenting(ClientIdentity identity) {
      this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return matching(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(
        String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return matching(keyTypes);
    }

    /** The alias when the key is of one of the asked types (issuers ignored), else null. */
    private String matching(String[] keyTypes) {
      return Arrays.asList(keyTypes).contains(identity.key().getAlgorithm()) ? ALIAS : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }

  /** {@code GET path} answered 200; the body's bytes (e.g. the DER CRL). */
  byte[] bytes(String path) {
    try (Response response =
        client.newCall(new Request.Builder().url(base + path).build()).execute()) {
      assertThat(response.code()).as("GET %s", path).isEqualTo(200);
      return response.body().bytes();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " failed: " + e, e);
    }
  }

  /** Closes idle connections, so that the next call performs a new TLS handshake. */
  void closeConnections() {
    client.connectionPool().evictAll();
  }
}
