package dev.mosaic.federation.bootstrap.config;

import static dev.mosaic.federation.bootstrap.config.ConfigKeys.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads a {@link GatewayConfig} from one YAML file and the environment (SPEC §11). Every key can be
 * overridden by its environment variable ({@link ConfigKeys#environmentVariable}); the environment
 * wins. Unknown keys, missing required keys and invalid values are all collected and reported
 * together in one {@link ConfigException}.
 */
public final class ConfigLoader {

  public static final Tier DEFAULT_TIER = Tier.FEDERATED;
  public static final String DEFAULT_OID_ARC = "1.3.6.1.4.1.99999";
  public static final Duration DEFAULT_CERTIFICATE_LIFETIME = Duration.ofDays(30);
  public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofDays(7);
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;
  public static final int DEFAULT_BURST = 20;
  public static final int DEFAULT_ENROLLMENT_PER_MINUTE = 10;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
  public static final int MIN_SEALING_KEY_LENGTH = 32;

  private static final Pattern GATEWAY_NAME_FORM =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
  private static final Pattern OID_FORM = Pattern.compile("[0-2](?:\\.(?:0|[1-9][0-9]{0,8}))+");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");
  private static final Set<String> SECRET_KEYS = Set.of(SECRETS_SEALING_KEY, DATABASE_PASSWORD);

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file the YAML file, or empty to configure from the environment alone
   * @param environment the process environment (tests pass their own map)
   * @throws ConfigException naming every problem found
   */
  public static GatewayConfig load(Optional<Path> file, Map<String, String> environment) {
    Map<String, Raw> raw = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    file.ifPresent(f -> readYaml(f, raw, problems));
    for (String key : ALL) {
      String value = environment.get(environmentVariable(key));
      if (value != null && !value.isBlank()) {
        raw.put(key, new Raw(value.trim(), Optional.of(environmentVariable(key))));
      }
    }
    return new Parser(raw, problems).parse();
  }

  /** A value as written, and the environment variable it came from (empty: the file). */
  private record Raw(String text, Optional<String> variable) {}

  private static void readYaml(Path file, Map<String, Raw> raw, List<String> problems) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonNode root;
    try {
      root = yaml.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      throw new ConfigException(
          List.of("config file " + file + ": invalid YAML" + where + ": " + why));
    } catch (IOException e) {
      String why = Files.exists(file) ? "cannot be read (" + e.getMessage() + ")" : "not found";
      throw new ConfigException(List.of("config file " + file + ": " + why));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return; // an empty file configures nothing
    }
    if (!root.isObject()) {
      throw new ConfigException(
          List.of("config file " + file + ": expected a mapping of keys at the top level"));
    }
    flatten("", root, raw, problems);
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, Raw> raw, List<String> problems) {
    for (var field : node.properties()) {
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (ALL.contains(key)) {
        if (value.isObject() || value.isArray()) {
          problems.add(
              key + ": expected a single value, not a " + (value.isObject() ? "mapping" : "list"));
        } else if (!value.isNull() && !value.asText().isBlank()) {
          raw.put(key, new Raw(value.asText().trim(), Optional.empty())); // blank = not set
        }
      } else if (ConfigKeys.isSection(key)) {
        if (value.isObject()) {
          flatten(key, value, raw, problems);
        } else if (!value.isNull()) {
          problems.add(key + ": expected a mapping of keys, not a single value");
        }
      } else {
        problems.add(key + ": unknown key");
      }
    }
  }

  /** Reads and validates the merged values, collecting every problem. */
  private static final class Parser {
    private final Map<String, Raw> raw;
    private final List<String> problems;

    Parser(Map<String, Raw> raw, List<String> problems) {
      this.raw = raw;
      this.problems = problems;
    }

    GatewayConfig parse() {
      Optional<String> name =
          parse(
              GATEWAY_NAME,
              s -> GATEWAY_NAME_FORM.matcher(s).matches() ? Optional.of(s) : Optional.empty(),
              "must be a host-like name of letters, digits, '.' and '-'");
      require(GATEWAY_NAME);
      Tier tier = oneOf(GATEWAY_TIER, Tier.values(), Tier::configName).orElse(DEFAULT_TIER);
      boolean federated = tier == Tier.FEDERATED;

      var federation = federation(federated);
      var local = local(federated);
      var database = database(federated);
      var valkey = valkey(federated);
      var pki = pki(federated);
      var secrets = secrets(federated);
      var limits =
          new GatewayConfig.Limits(
              positiveInt(LIMITS_DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_REQUESTS_PER_MINUTE),
              positiveInt(LIMITS_DEFAULT_BURST, DEFAULT_BURST),
              positiveInt(LIMITS_ENROLLMENT_PER_MINUTE, DEFAULT_ENROLLMENT_PER_MINUTE));
      var client =
          new GatewayConfig.Client(
              duration(CLIENT_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, false),
              duration(CLIENT_REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, false));
      var cache = new GatewayConfig.Cache(duration(CACHE_TTL, DEFAULT_CACHE_TTL, true));
      var tracing =
          new GatewayConfig.Tracing(
              parse(
                  TRACING_OTLP_ENDPOINT,
                  s -> url(s, Set.of("http", "https")),
                  "expected an http(s) URL"));

      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      return new GatewayConfig(
          new GatewayConfig.Gateway(name.orElseThrow(), tier),
          federation,
          local,
          database,
          valkey,
          pki,
          secrets,
          limits,
          client,
          cache,
          tracing);
    }

    private GatewayConfig.Federation federation(boolean federated) {
      var listen = parse(FEDERATION_LISTEN, HostPort::parse, "expected host:port");
      var publicUrl =
          parse(
              FEDERATION_PUBLIC_URL,
              s ->
                  url(s, Set.of("https"))
                      .filter(u -> u.getRawPath().isEmpty() || u.getRawPath().equals("/")),
              "expected an https URL without a path, like https://work.example:8443");
      if (federated) {
        require(FEDERATION_LISTEN);
        require(FEDERATION_PUBLIC_URL);
      }
      var certificate = file(FEDERATION_SERVER_CERTIFICATE_FILE);
      var key = file(FEDERATION_SERVER_KEY_FILE);
      requireTogether(FEDERATION_SERVER_CERTIFICATE_FILE, FEDERATION_SERVER_KEY_FILE);
      Optional<GatewayConfig.ServerCertificate> serverCertificate =
          certificate.isPresent() && key.isPresent()
              ? Optional.of(new GatewayConfig.ServerCertificate(certificate.get(), key.get()))
              : Optional.empty();
      return new GatewayConfig.Federation(listen, publicUrl, serverCertificate);
    }

    private GatewayConfig.Local local(boolean federated) {
      var listen = parse(LOCAL_LISTEN, HostPort::parse, "expected host:port");
      if (listen.isPresent() && !listen.get().isLoopback()) {
        invalid(LOCAL_LISTEN, "must be a loopback address (127.0.0.1, ::1 or localhost)");
      }
      if (federated) {
        require(LOCAL_LISTEN);
      }
      return new GatewayConfig.Local(listen.filter(HostPort::isLoopback));
    }

    private Optional<GatewayConfig.Database> database(boolean federated) {
      var url =
          parse(
              DATABASE_URL,
              s -> s.startsWith("jdbc:postgresql:") ? Optional.of(s) : Optional.empty(),
              "expected a jdbc:postgresql:// URL");
      var user = text(DATABASE_USER);
      var password = text(DATABASE_PASSWORD).map(Secret::new);
      if (federated) {
        require(DATABASE_URL);
      }
      if (federated || raw.containsKey(DATABASE_URL)) {
        require(DATABASE_USER);
      }
      return url.flatMap(u -> user.map(n -> new GatewayConfig.Database(u, n, password)));
    }

    private Optional<GatewayConfig.Valkey> valkey(boolean federated) {
      var valkey =
          parse(VALKEY_URL, ConfigLoader::valkey, "expected redis://host:port/db (or rediss://)");
      if (federated) {
        require(VALKEY_URL);
      }
      return valkey;
    }

    private GatewayConfig.Pki pki(boolean federated) {
      var mode = oneOf(PKI_MODE, PkiMode.values(), PkiMode::configName);
      if (federated) {
        require(PKI_MODE);
      }
      Optional<GatewayConfig.CertificateAuthority> authority =
          mode.flatMap(
              m ->
                  switch (m) {
                    case LOCAL -> localCa();
                    case STEPCA -> stepCa();
                  });
      String oidArc =
          parse(
                  PKI_OID_ARC,
                  s -> OID_FORM.matcher(s).matches() ? Optional.of(s) : Optional.empty(),
                  "expected a dotted OID like " + DEFAULT_OID_ARC)
              .orElse(DEFAULT_OID_ARC);
      Duration lifetime = duration(PKI_CERTIFICATE_LIFETIME, DEFAULT_CERTIFICATE_LIFETIME, false);
      Duration renewBefore = duration(PKI_RENEW_BEFORE, DEFAULT_RENEW_BEFORE, false);
      if (renewBefore.compareTo(lifetime) >= 0) {
        problems.add(
            PKI_RENEW_BEFORE
                + ": must be shorter than "
                + PKI_CERTIFICATE_LIFETIME
                + " (was "
                + Durations.format(renewBefore)
                + ", lifetime "
                + Durations.format(lifetime)
                + ")");
      }
      return new GatewayConfig.Pki(authority, oidArc, lifetime, renewBefore);
    }

    private Optional<GatewayConfig.CertificateAuthority> localCa() {
      var dir = parse(PKI_LOCAL_DIR, ConfigLoader::path, "expected a directory path");
      requireWhenMode(PKI_LOCAL_DIR, PkiMode.LOCAL);
      return dir.map(GatewayConfig.LocalCa::new);
    }

    private Optional<GatewayConfig.CertificateAuthority> stepCa() {
      var url =
          parse(
              PKI_STEPCA_URL,
              s -> url(s, Set.of("https")),
              "expected an https URL like https://ca.example:9443");
      var root = file(PKI_STEPCA_ROOT_FILE);
      var provisioner = text(PKI_STEPCA_PROVISIONER);
      var keyFile = file(PKI_STEPCA_PROVISIONER_KEY_FILE);
      var passwordFile = file(PKI_STEPCA_PASSWORD_FILE);
      for (String key :
          List.of(
              PKI_STEPCA_URL,
              PKI_STEPCA_ROOT_FILE,
              PKI_STEPCA_PROVISIONER,
              PKI_STEPCA_PROVISIONER_KEY_FILE,
              PKI_STEPCA_PASSWORD_FILE)) {
        requireWhenMode(key, PkiMode.STEPCA);
      }
      if (url.isEmpty()
          || root.isEmpty()
          || provisioner.isEmpty()
          || keyFile.isEmpty()
          || passwordFile.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new GatewayConfig.StepCa(
              url.get(), root.get(), provisioner.get(), keyFile.get(), passwordFile.get()));
    }

    private GatewayConfig.Secrets secrets(boolean federated) {
      boolean inline = raw.containsKey(SECRETS_SEALING_KEY);
      boolean fromFile = raw.containsKey(SECRETS_SEALING_KEY_FILE);
      if (inline && fromFile) {
        problems.add(
            SECRETS_SEALING_KEY
                + ": set either "
                + SECRETS_SEALING_KEY
                + " or "
                + SECRETS_SEALING_KEY_FILE
                + ", not both");
        return new GatewayConfig.Secrets(Optional.empty());
      }
      if (!inline && !fromFile) {
        if (federated) {
          problems.add(SECRETS_SEALING_KEY + ": required (or " + SECRETS_SEALING_KEY_FILE + ")");
        }
        return new GatewayConfig.Secrets(Optional.empty());
      }
      Optional<String> value =
          inline
              ? text(SECRETS_SEALING_KEY)
              : file(SECRETS_SEALING_KEY_FILE).flatMap(this::readSecret);
      String key = inline ? SECRETS_SEALING_KEY : SECRETS_SEALING_KEY_FILE;
      if (value.isPresent() && value.get().length() < MIN_SEALING_KEY_LENGTH) {
        problems.add(
            key
                + ": the sealing key must be at least "
                + MIN_SEALING_KEY_LENGTH
                + " characters (was "
                + value.get().length()
                + "); generate one with: openssl rand -base64 32");
        return new GatewayConfig.Secrets(Optional.empty());
      }
      return new GatewayConfig.Secrets(value.map(Secret::new));
    }

    private Optional<String> readSecret(Path file) {
      try {
        return Optional.of(Files.readString(file).trim());
      } catch (IOException e) {
        problems.add(
            SECRETS_SEALING_KEY_FILE + ": cannot read " + file + " (" + e.getMessage() + ")");
        return Optional.empty();
      }
    }

    // ---- primitives ---------------------------------------------------------------------------

    private Optional<String> text(String key) {
      return Optional.ofNullable(raw.get(key)).map(Raw::text).filter(s -> !s.isEmpty());
    }

    private <T> Optional<T> parse(
        String key, Function<String, Optional<T>> parser, String expected) {
      Optional<String> text = text(key);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Optional<T> value = parser.apply(text.get());
      if (value.isEmpty()) {
        invalid(key, expected);
      }
      return value;
    }

    private <E extends Enum<E>> Optional<E> oneOf(
        String key, E[] values, Function<E, String> name) {
      String allowed = Arrays.stream(values).map(name).collect(Collectors.joining(", "));
      return parse(
          key,
          s ->
              Arrays.stream(values)
                  .filter(v -> name.apply(v).equals(s.toLowerCase(Locale.ROOT)))
                  .findFirst(),
          "must be one of " + allowed);
    }

    private Duration duration(String key, Duration fallback, boolean zeroAllowed) {
      Optional<Duration> value = parse(key, Durations::parse, Durations.EXPECTED);
      if (value.isPresent() && value.get().isZero() && !zeroAllowed) {
        invalid(key, "must be longer than 0");
        return fallback;
      }
      return value.orElse(fallback);
    }

    private int positiveInt(String key, int fallback) {
      return parse(
              key,
              s -> {
                try {
                  int n = Integer.parseInt(s);
                  return n > 0 ? Optional.of(n) : Optional.empty();
                } catch (NumberFormatException e) {
                  return Optional.empty();
                }
              },
              "expected a whole number greater than 0")
          .orElse(fallback);
    }

    /** A path that must name an existing, readable regular file. */
    private Optional<Path> file(String key) {
      Optional<Path> path = parse(key, ConfigLoader::path, "expected a file path");
      if (path.isEmpty()) {
        return path;
      }
      Path p = path.get();
      if (!Files.isRegularFile(p)) {
        problems.add(key + ": no such file " + p + origin(key));
        return Optional.empty();
      }
      if (!Files.isReadable(p)) {
        problems.add(key + ": cannot read " + p + origin(key));
        return Optional.empty();
      }
      return path;
    }

    private void require(String key) {
      if (!raw.containsKey(key)) {
        problems.add(key + ": required");
      }
    }

    private void requireWhenMode(String key, PkiMode mode) {
      if (!raw.containsKey(key)) {
        problems.add(key + ": required when " + PKI_MODE + " is " + mode.configName());
      }
    }

    private void requireTogether(String a, String b) {
      if (raw.containsKey(a) && !raw.containsKey(b)) {
        problems.add(b + ": required when " + a + " is set");
      } else if (raw.containsKey(b) && !raw.containsKey(a)) {
        problems.add(a + ": required when " + b + " is set");
      }
    }

    private void invalid(String key, String expected) {
      String text = raw.get(key).text();
      String shown =
          SECRET_KEYS.contains(key)
              ? origin(key)
              : " (was '"
                  + USER_INFO.matcher(text).replaceFirst("//***@")
                  + "'"
                  + originSuffix(key)
                  + ")";
      problems.add(key + ": " + expected + shown);
    }

    private String origin(String key) {
      return raw.get(key).variable().map(v -> " (from " + v + ")").orElse("");
    }

    private String originSuffix(String key) {
      return raw.get(key).variable().map(v -> ", from " + v).orElse("");
    }
  }

  // ---- value parsers --------------------------------------------------------------------------

  private static Optional<URI> url(String text, Set<String> schemes) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null
          || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> path(String text) {
    try {
      return Optional.of(Path.of(text));
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static Optional<GatewayConfig.Valkey> valkey(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("redis", "rediss").contains(scheme)
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    int database;
    if (path.isEmpty() || path.equals("/")) {
      database = 0;
    } else if (path.matches("/[0-9]{1,4}")) {
      database = Integer.parseInt(path.substring(1));
    } else {
      return Optional.empty();
    }
    Optional<String> username = Optional.empty();
    Optional<Secret> password = Optional.empty();
    String userInfo = uri.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        password = Optional.of(new Secret(userInfo));
      } else {
        username = Optional.of(userInfo.substring(0, colon)).filter(s -> !s.isEmpty());
        password =
            Optional.of(new Secret(userInfo.substring(colon + 1)))
                .filter(s -> !s.value().isEmpty());
      }
    }
    int port = uri.getPort() == -1 ? 6379 : uri.getPort();
    URI address = URI.create(scheme + "://" + uri.getHost() + ":" + port); // IPv6 keeps its []
    return Optional.of(new GatewayConfig.Valkey(address, database, username, password));
  }
}
