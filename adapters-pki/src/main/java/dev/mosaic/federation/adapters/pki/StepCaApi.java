package dev.mosaic.federation.adapters.pki;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mosaic.federation.application.port.out.InfrastructureException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The few step-ca 0.19 endpoints Mosaic uses, over TLS that trusts only the pinned step-ca root.
 * Every failure becomes an {@link InfrastructureException}; tokens and request bodies never appear
 * in a message.
 */
final class StepCaApi {

  /** Connect and whole-call timeout for signing and revoking. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl base;
  private final OkHttpClient client;

  StepCaApi(URI url, X509Certificate pinnedRoot, Duration timeout) {
    HttpUrl parsed = HttpUrl.parse(url.toString());
    if (parsed == null || !parsed.isHttps()) {
      throw new IllegalArgumentException("step-ca URL must be https: " + url);
    }
    this.base = parsed;
    X509TrustManager trust = trustOnly(pinnedRoot);
    this.client =
        new OkHttpClient.Builder()
            .sslSocketFactory(sslContext(trust).getSocketFactory(), trust)
            .connectTimeout(timeout)
            .callTimeout(timeout)
            .retryOnConnectionFailure(false)
            .build();
  }

  /** The absolute URL of an API path, as used for a token's {@code aud}. */
  String url(String path) {
    return base.resolve(path).toString();
  }

  /** Succeeds when {@code GET /health} answers {@code {"status":"ok"}}. */
  void health() {
    var body = call(new Request.Builder().url(url("/health")).get().build(), "health");
    if (!"ok".equals(body.get("status"))) {
      throw new InfrastructureException("step-ca /health did not answer status ok", true);
    }
  }

  /** The CA's roots from {@code GET /roots}. */
  List<X509Certificate> roots() {
    var body = call(new Request.Builder().url(url("/roots")).get().build(), "roots");
    var roots = new ArrayList<X509Certificate>();
    for (String pem : strings(body, "crts", "roots")) {
      roots.addAll(certificates(pem, "roots"));
    }
    return roots;
  }

  /**
   * {@code POST /1.0/sign} for a certificate valid from now (step-ca backdates a minute) for {@code
   * lifetime}: the issued certificate first, then the rest of its chain.
   */
  List<X509Certificate> sign(String csrPem, String ott, Duration lifetime) {
    var body =
        post(
            "/1.0/sign",
            Map.of("csr", csrPem, "ott", ott, "notAfter", lifetime.toSeconds() + "s"),
            "sign");
    var chain = new ArrayList<X509Certificate>();
    for (String pem : strings(body, "certChain", "sign")) {
      chain.addAll(certificates(pem, "sign"));
    }
    if (chain.isEmpty()) {
      throw new InfrastructureException("step-ca sign answered without a certificate chain", false);
    }
    return chain;
  }

  /**
   * {@code POST /1.0/revoke}, passive: step-ca will refuse to renew the certificate. Revoking an
   * already revoked serial succeeds.
   */
  void revoke(BigInteger serial, String ott, String reason) {
    var body =
        Map.<String, Object>of(
            "serial",
            serial.toString(10),
            "ott",
            ott,
            "passive",
            true,
            "reasonCode",
            0,
            "reason",
            reason);
    try {
      post("/1.0/revoke", body, "revoke");
    } catch (InfrastructureException e) {
      // step-ca 0.19 answers 400 "certificate with serial number '…' is already revoked"
      if (!e.getMessage().contains("is already revoked")) {
        throw e;
      }
    }
  }

  private Map<String, Object> post(String path, Map<String, Object> json, String what) {
    var request =
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create(JSONObjectUtils.toJSONString(json), JSON))
            .build();
    return call(request, what);
  }

  private Map<String, Object> call(Request request, String what) {
    try (var response = client.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new InfrastructureException(
            "step-ca " + what + " failed: HTTP " + response.code() + errorMessage(text),
            response.code() >= 500 || response.code() == 429);
      }
      return JSONObjectUtils.parse(text);
    } catch (SSLException e) {
      throw new InfrastructureException(
          "TLS to step-ca at "
              + base
              + " failed ("
              + e.getMessage()
              + "); is the pinned root file the CA's root?",
          false);
    } catch (IOException e) {
      throw new InfrastructureException(
          "step-ca at " + base + " is unreachable (" + e.getClass().getSimpleName() + ")", true);
    } catch (ParseException e) {
      throw new InfrastructureException("step-ca " + what + " answered malformed JSON", false);
    }
  }

  private static String errorMessage(String text) {
    try {
      Object message = JSONObjectUtils.parse(text).get("message");
      if (message instanceof String s && !s.isBlank()) {
        return ": " + (s.length() > 300 ? s.substring(0, 300) + "…" : s);
      }
    } catch (ParseException e) {
      // not JSON: report the status alone
    }
    return "";
  }

  private static List<String> strings(Map<String, Object> body, String field, String what) {
    if (body.get(field) instanceof List<?> list
        && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new InfrastructureException(
        "step-ca " + what + " answer lacks the string array '" + field + "'", false);
  }

  private static List<X509Certificate> certificates(String pem, String what) {
    try {
      return Certificates.parse(pem);
    } catch (CertificateException e) {
      throw new InfrastructureException(
          "step-ca " + what + " answered a malformed certificate", false);
    }
  }

  private static X509TrustManager trustOnly(X509Certificate root) {
    try {
      var store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("step-ca-root", root);
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager available");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store for the step-ca root", e);
    }
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      var context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }
}
