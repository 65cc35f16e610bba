package dev.mosaic.federation.bootstrap.demo;

import dev.mosaic.federation.application.port.in.AddLinkCommand;
import dev.mosaic.federation.application.port.in.AddLinkResult;
import dev.mosaic.federation.application.port.in.AddTeamMemberResult;
import dev.mosaic.federation.application.port.in.AddTeamResult;
import dev.mosaic.federation.application.port.in.AddUserCommand;
import dev.mosaic.federation.application.port.in.AddUserResult;
import dev.mosaic.federation.application.port.in.CreateGrantCommand;
import dev.mosaic.federation.application.port.in.CreateGrantResult;
import dev.mosaic.federation.application.port.in.ImportDataCommand;
import dev.mosaic.federation.application.port.in.ImportDataResult;
import dev.mosaic.federation.application.port.in.ImportRow;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenCommand;
import dev.mosaic.federation.application.port.in.IssueEnrollmentTokenResult;
import dev.mosaic.federation.application.port.in.IssueSessionTokenResult;
import dev.mosaic.federation.application.port.in.LinkView;
import dev.mosaic.federation.application.port.in.ListLinksCommand;
import dev.mosaic.federation.application.port.in.ListLinksResult;
import dev.mosaic.federation.application.port.in.RevokeGrantCommand;
import dev.mosaic.federation.application.port.in.RevokeGrantResult;
import dev.mosaic.federation.bootstrap.FederationListener;
import dev.mosaic.federation.bootstrap.GatewayServices;
import dev.mosaic.federation.bootstrap.LocalListener;
import dev.mosaic.federation.bootstrap.RenewalTicker;
import dev.mosaic.federation.bootstrap.config.ConfigLoader;
import dev.mosaic.federation.bootstrap.config.GatewayConfig;
import dev.mosaic.federation.bootstrap.demo.SessionApiClient.Answer;
import dev.mosaic.federation.domain.grant.GrantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mosaic gateway demo} (SPEC §10): two gateways of the embedded tier in this process — work
 * (B, serving) and home (A, requesting) — on one embedded PostgreSQL (a database each) and one
 * embedded Redis, each with its local CA in a temporary folder. It creates users, teams and data on
 * work, a grant for alice, enrolls home through work's real HTTPS endpoints, then queries through
 * home's loopback session API with alice's (and bob's) bearer token, checking each answer against
 * what SPEC §5.2 promises. Every step is reported to the narrator as it ends; everything is torn
 * down at the end, also when a step fails.
 */
public final class GatewayDemo {
  static final String WORK = "work.localhost";
  static final String HOME = "home.localhost";
  static final String LINK = "work";
  static final String FEDERATED = "federated:" + LINK;
  static final String SESSION = "demo";

  /**
   * One narrated step.
   *
   * @param name a stable identifier, e.g. {@code scope-filter}
   * @param ok whether the outcome is the one SPEC promises
   * @param detail one line: what was done and what came back
   * @param data facts behind the detail, for {@code --json}
   * @param millis how long the step took
   */
  public record Step(
      String name, boolean ok, String detail, Map<String, Object> data, long millis) {
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
      data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
  }

  /** What a step's body returns. */
  private record Outcome(boolean ok, String detail, Map<String, Object> data) {
    static Outcome of(boolean ok, String detail) {
      return new Outcome(ok, detail, Map.of());
    }
  }

  @FunctionalInterface
  private interface Body {
    Outcome run() throws Exception;
  }

  private final Function<GatewayConfig, GatewayServices> wiring;
  private final Consumer<Step> narrator;
  private final SecureRandom random = new SecureRandom();
  private final List<Step> steps = new ArrayList<>();

  // the world the steps build, in order
  private Path dir;
  private EmbeddedServices services;
  private DemoGateway work;
  private DemoGateway home;
  private SessionApiClient sessionApi;
  private final Map<String, UUID> teams = new HashMap<>();
  private final Map<String, UUID> rows = new LinkedHashMap<>();
  private GrantId grantId;
  private String aliceToken;
  private String bobToken;

  public GatewayDemo(Function<GatewayConfig, GatewayServices> wiring, Consumer<Step> narrator) {
    this.wiring = wiring;
    this.narrator = narrator;
  }

  /** The steps reported so far. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /**
   * Runs the demo. Set-up steps stop it when they fail (what follows would be meaningless); query
   * steps all run. The teardown step always runs.
   *
   * @return true when every step came out as expected
   */
  public boolean run() {
    boolean setUp =
        step("services", this::startServices)
            && step("gateways", this::startGateways)
            && step("users", this::addUsers)
            && step("teams", this::addTeams)
            && step("data", this::importData)
            && step("grant", this::createGrant)
            && step("enrollment", this::enroll)
            && step("session-tokens", this::issueSessionTokens);
    if (setUp) {
      step("scope-filter", this::scopeFilter);
      step("team-scoped-grant", this::teamScopedGrant);
      step("credentials-denied", this::credentialsDenied);
      step("cross-user-refused", this::crossUserRefused);
      step("other-local-user", this::otherLocalUser);
      step("source-all", this::sourceAll);
      step("keyword-search", this::keywordSearch);
      step("revocation", this::revocation);
    }
    step("teardown", this::teardown);
    return steps.stream().allMatch(Step::ok);
  }

  private boolean step(String name, Body body) {
    long started = System.nanoTime();
    Outcome outcome;
    try {
      outcome = body.run();
    } catch (Exception e) {
      outcome =
          Outcome.of(
              false,
              "failed: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    Step step =
        new Step(
            name,
            outcome.ok(),
            outcome.detail(),
            outcome.data(),
            Duration.ofNanos(System.nanoTime() - started).toMillis());
    steps.add(step);
    narrator.accept(step);
    return step.ok();
  }

  // ---- set-up ---------------------------------------------------------------------------------

  private Outcome startServices() throws IOException {
    dir = Files.createTempDirectory("mosaic-demo-");
    services = EmbeddedServices.start(dir);
    return new Outcome(
        true,
        "started an embedded PostgreSQL "
            + services.postgresVersion()
            + " on 127.0.0.1:"
            + services.postgresPort()
            + " (no vector extension: keyword search only) and an embedded Redis on 127.0.0.1:"
            + services.redisPort()
            + " that never writes to disk",
        facts(
            "postgresPort", services.postgresPort(),
            "redisPort", services.redisPort(),
            "dir", dir.toString()));
  }

  private Outcome startGateways() {
    int workPort = EmbeddedServices.freeLoopbackPort();
    work =
        DemoGateway.open(
            WORK, config(WORK, "mosaic_demo_work", workPort, workPort, 0, "work-ca"), wiring);
    int homeFederationPort = EmbeddedServices.freeLoopbackPort();
    home =
        DemoGateway.open(
            HOME, config(HOME, "mosaic_demo_home", 0, homeFederationPort, 1, "home-ca"), wiring);
    int listening = work.serveFederation();
    int sessionPort = home.serveSessionApi();
    home.renewCertificatesWhenDue();
    sessionApi = new SessionApiClient(sessionPort);
    return new Outcome(
        true,
        "work (B, serving) listens on https://127.0.0.1:"
            + listening
            + " with its own local CA; home (A, requesting) has its session API on"
            + " http://127.0.0.1:"
            + sessionPort
            + "; both databases migrated",
        facts(
            "work",
            Map.of("federation", "https://127.0.0.1:" + listening),
            "home",
            Map.of("sessionApi", "http://127.0.0.1:" + sessionPort)));
  }

  private GatewayConfig config(
      String name, String database, int listenPort, int publicPort, int redisDb, String caDir) {
    Map<String, String> env = new HashMap<>();
    env.put("MOSAIC_GATEWAY_NAME", name);
    env.put("MOSAIC_GATEWAY_TIER", "embedded");
    env.put("MOSAIC_FEDERATION_LISTEN", "127.0.0.1:" + listenPort);
    env.put("MOSAIC_FEDERATION_PUBLIC_URL", "https://127.0.0.1:" + publicPort);
    env.put("MOSAIC_LOCAL_LISTEN", "127.0.0.1:0");
    env.put("MOSAIC_DATABASE_URL", services.createDatabase(database));
    env.put("MOSAIC_DATABASE_USER", EmbeddedServices.DATABASE_USER);
    env.put("MOSAIC_VALKEY_URL", "redis://127.0.0.1:" + services.redisPort() + "/" + redisDb);
    env.put("MOSAIC_PKI_MODE", "local");
    env.put("MOSAIC_PKI_LOCAL_DIR", dir.resolve(caDir).toString());
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    env.put("MOSAIC_SECRETS_SEALING_KEY", Base64.getEncoder().encodeToString(secret));
    return ConfigLoader.load(Optional.empty(), env);
  }

  private Outcome addUsers() {
    List<String> added = new ArrayList<>();
    for (DemoGateway gateway : List.of(work, home)) {
      for (String handle : List.of("alice", "bob")) {
        AddUserResult result =
            gateway.services().users().add(new AddUserCommand(handle, Optional.empty()));
        if (!(result instanceof AddUserResult.Added)) {
          return Outcome.of(false, "adding " + handle + " on " + gateway.name() + ": " + result);
        }
        added.add(handle + "@" + gateway.name());
      }
    }
    return new Outcome(
        true,
        "added alice and bob on work (two employees) and alice and bob on home",
        facts("users", added));
  }

  private Outcome addTeams() {
    for (String team : List.of("T1", "T2")) {
      if (!(work.services().teams().addTeam(team) instanceof AddTeamResult.Added added)) {
        return Outcome.of(false, "adding team " + team + " on work failed");
      }
      teams.put(team, added.team().id().value());
      if (!(work.services().teams().addMember(team, "alice")
          instanceof AddTeamMemberResult.Added)) {
        return Outcome.of(false, "adding alice to " + team + " failed");
      }
    }
    return new Outcome(
        true,
        "created teams T1 and T2 on work, alice is a member of both (bob of neither)",
        facts("teams", new java.util.TreeMap<>(teams)));
  }

  private Outcome importData() {
    List<String> problems = new ArrayList<>();
    importRows(work, "tasks", "alice", null, problems, task("alice-task-1", "Draft the Q3 plan"));
    importRows(work, "tasks", "alice", null, problems, task("alice-task-2", "Review PR 42"));
    importRows(work, "tasks", "alice", "T1", problems, task("t1-task", "T1: ship release 2.0"));
    importRows(work, "tasks", "alice", "T2", problems, task("t2-task", "T2: plan the offsite"));
    importRows(work, "tasks", "bob", null, problems, task("bob-task", "Bob: salary review"));
    importRows(work, "notes", "alice", null, problems, note("alice-note", "1:1 with my manager"));
    importRows(work, "notes", "alice", "T1", problems, note("t1-note", "T1 retrospective"));
    importRows(work, "notes", "alice", "T2", problems, note("t2-note", "T2 offsite ideas"));
    importRows(work, "memory", "alice", null, problems, memory("alice-memory"));
    importRows(work, "credentials", "alice", null, problems, credential("alice-credential"));
    importRows(home, "tasks", "alice", null, problems, task("home-task", "Buy groceries"));
    if (!problems.isEmpty()) {
      return Outcome.of(false, String.join("; ", problems));
    }
    return new Outcome(
        true,
        "imported on work: alice's 2 personal tasks, 1 T1 task, 1 T2 task, 3 notes (personal,"
            + " T1, T2), 1 memory, 1 credential; bob's personal task; on home: alice's own task",
        facts(
            "rows",
            rows.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().toString(),
                        (a, b) -> a,
                        LinkedHashMap::new))));
  }

  private void importRows(
      DemoGateway gateway,
      String resource,
      String user,
      String team,
      List<String> problems,
      Map<String, Object> fields) {
    ImportDataResult result =
        gateway
            .services()
            .dataImport()
            .importRows(
                new ImportDataCommand(
                    resource, List.of(new ImportRow(1, fields)), user, Optional.ofNullable(team)));
    if (!(result instanceof ImportDataResult.Imported)) {
      problems.add("importing " + resource + " for " + user + ": " + result);
    }
  }

  private Map<String, Object> task(String key, String title) {
    return Map.of("id", newRow(key), "title", title, "status", "open", "priority", 1);
  }

  private Map<String, Object> note(String key, String title) {
    return Map.of("id", newRow(key), "title", title, "body", "…");
  }

  private Map<String, Object> memory(String key) {
    return Map.of(
        "id", newRow(key), "kind", "preference", "content", "prefers meetings before noon");
  }

  private Map<String, Object> credential(String key) {
    return Map.of("id", newRow(key), "name", "vpn", "secret", "correct horse battery staple");
  }

  private String newRow(String key) {
    UUID id = UUID.randomUUID();
    rows.put(key, id);
    return id.toString();
  }

  private Outcome createGrant() {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("resources", List.of("tasks", "notes", "memory"));
    scope.put("excluded_resources", List.of("credentials"));
    scope.put(
        "filters",
        Map.of(
            "tasks",
            Map.of(
                "include_personal", true, "include_teams", List.of(teams.get("T1").toString()))));
    scope.put("max_rows_per_query", 100);
    CreateGrantResult result =
        work.services()
            .createGrant()
            .create(new CreateGrantCommand("alice", HOME, scope, Optional.empty()));
    if (!(result instanceof CreateGrantResult.Created created)) {
      return Outcome.of(false, "creating the grant failed: " + result);
    }
    grantId = created.grant().id();
    return new Outcome(
        true,
        "work granted home access to alice's tasks, notes and memory, credentials excluded, tasks"
            + " only personal and of team T1 (grant "
            + grantId
            + ", pending)",
        facts("grantId", grantId.toString(), "scope", scope));
  }

  private Outcome enroll() {
    IssueEnrollmentTokenResult token =
        work.services()
            .issueEnrollmentToken()
            .issue(new IssueEnrollmentTokenCommand(grantId, Duration.ofMinutes(15)));
    if (!(token instanceof IssueEnrollmentTokenResult.Issued issued)) {
      return Outcome.of(false, "minting an enrollment token failed: " + token);
    }
    URI workUrl = work.config().federation().publicUrl().orElseThrow();
    String url = issued.enrollmentUrl(workUrl).format();
    AddLinkResult result =
        home.services().addLink().add(new AddLinkCommand(url, "alice", Optional.of(LINK)));
    if (!(result instanceof AddLinkResult.Added added)) {
      return Outcome.of(false, "home could not enroll: " + result);
    }
    LinkView link = added.link();
    return new Outcome(
        "active".equals(link.state().wireName()) && link.grantId().equals(grantId),
        "work minted a single-use enrollment URL; home checked work's CA against its pin, sent a"
            + " CSR over HTTPS and stored link '"
            + LINK
            + "' for alice ("
            + link.state().wireName()
            + ", certificate sha256:"
            + link.certificateFingerprint().hex().substring(0, 16)
            + "… valid until "
            + link.certificateNotAfter()
            + ")",
        facts(
            "link", LINK,
            "state", link.state().wireName(),
            "grantId", link.grantId().toString(),
            "certificateNotAfter", link.certificateNotAfter().toString()));
  }

  private Outcome issueSessionTokens() {
    IssueSessionTokenResult alice = home.services().sessionTokens().issue("alice");
    IssueSessionTokenResult bob = home.services().sessionTokens().issue("bob");
    if (!(alice instanceof IssueSessionTokenResult.Issued a)
        || !(bob instanceof IssueSessionTokenResult.Issued b)) {
      return Outcome.of(false, "issuing session tokens on home failed");
    }
    aliceToken = a.token().value();
    bobToken = b.token().value();
    return Outcome.of(
        true, "home issued session-API bearer tokens to alice and bob (mosaic user token)");
  }

  // ---- queries through home's session API ------------------------------------------------------

  private Outcome scopeFilter() {
    Answer answer = sessionApi.query(aliceToken, list(FEDERATED, "tasks"));
    Set<UUID> ids = ids(answer);
    Set<UUID> expected = rowIds("alice-task-1", "alice-task-2", "t1-task");
    boolean ok =
        answer.status() == 200
            && ids.equals(expected)
            && allTagged(answer, LINK)
            && "ok".equals(answer.sourceStatus(LINK));
    return new Outcome(
        ok,
        "alice lists tasks at work: "
            + titles(answer)
            + " — her personal and T1 tasks; the T2 task and bob's task are absent",
        facts("status", answer.status(), "items", answer.items().size(), "expected", 3));
  }

  private Outcome teamScopedGrant() {
    Answer t1 = sessionApi.query(aliceToken, get(FEDERATED, "tasks", row("t1-task")));
    Answer t2 = sessionApi.query(aliceToken, get(FEDERATED, "tasks", row("t2-task")));
    Answer notes = sessionApi.query(aliceToken, list(FEDERATED, "notes"));
    boolean ok =
        t1.status() == 200
            && ids(t1).equals(rowIds("t1-task"))
            && t2.status() == 200
            && t2.items().isEmpty()
            && "ok".equals(t2.sourceStatus(LINK))
            && ids(notes).equals(rowIds("alice-note", "t1-note", "t2-note"));
    return new Outcome(
        ok,
        "get of the T1 task returns it; get of the T2 task (alice is a member, the grant's tasks"
            + " filter lets only T1 in) is answered not_found; notes have no filter, so "
            + titles(notes)
            + " all come back",
        facts(
            "t1Task", t1.items().size(),
            "t2Task", t2.items().size(),
            "notes", notes.items().size()));
  }

  private Outcome credentialsDenied() {
    Answer answer = sessionApi.query(aliceToken, list(FEDERATED, "credentials"));
    String code = answer.sourceError(LINK);
    boolean ok =
        answer.status() == 200
            && answer.items().isEmpty()
            && "error".equals(answer.sourceStatus(LINK))
            && "scope_violation".equals(code)
            && Boolean.TRUE.equals(answer.body().get("partial"));
    return new Outcome(
        ok,
        "alice asks work for credentials: work refuses with 403 "
            + code
            + " (excluded by the grant, and never served anyway); no rows",
        facts("sourceStatus", answer.sourceStatus(LINK), "error", code));
  }

  private Outcome crossUserRefused() {
    Answer bobs = sessionApi.query(aliceToken, get(FEDERATED, "tasks", row("bob-task")));
    Answer missing = sessionApi.query(aliceToken, get(FEDERATED, "tasks", UUID.randomUUID()));
    boolean ok =
        bobs.status() == 200
            && bobs.items().isEmpty()
            && "ok".equals(bobs.sourceStatus(LINK))
            && bobs.body().equals(missing.body());
    return new Outcome(
        ok,
        "alice's link asks work for bob's task by its real id: not_found, exactly the answer for"
            + " an id that does not exist — bob's row stays invisible",
        facts(
            "bobsTask", bobs.items().size(), "sameAsMissing", bobs.body().equals(missing.body())));
  }

  private Outcome otherLocalUser() {
    Answer viaLink = sessionApi.query(bobToken, list(FEDERATED, "tasks"));
    Answer all = sessionApi.query(bobToken, list("all", "tasks"));
    List<String> sources = all.sources().stream().map(s -> String.valueOf(s.get("name"))).toList();
    boolean ok =
        viaLink.status() == 404
            && "not_found".equals(viaLink.errorCode())
            && all.status() == 200
            && all.items().isEmpty()
            && sources.equals(List.of("local"));
    return new Outcome(
        ok,
        "bob on home (no grant at work) asks for federated:work: 404 "
            + viaLink.errorCode()
            + " — alice's link is never used for him; source all gives him only his own (empty)"
            + " local rows",
        facts("federatedStatus", viaLink.status(), "allSources", sources));
  }

  private Outcome sourceAll() {
    Answer answer = sessionApi.query(aliceToken, list("all", "tasks"));
    Map<String, Long> bySource =
        answer.items().stream()
            .collect(
                Collectors.groupingBy(
                    i -> String.valueOf(i.get("_source")),
                    LinkedHashMap::new,
                    Collectors.counting()));
    boolean ok =
        answer.status() == 200
            && ids(answer).equals(rowIds("home-task", "alice-task-1", "alice-task-2", "t1-task"))
            && bySource.equals(Map.of("local", 1L, LINK, 3L))
            && Boolean.FALSE.equals(answer.body().get("partial"));
    return new Outcome(
        ok,
        "alice lists tasks from all sources: "
            + bySource.getOrDefault("local", 0L)
            + " local (_source local) merged with "
            + bySource.getOrDefault(LINK, 0L)
            + " from work (_source work), every source ok",
        facts("bySource", bySource));
  }

  /**
   * The embedded PostgreSQL has no {@code vector}: home still sends the query's embedding (it does
   * not know what work's database offers), and work ignores it and answers by keywords (SPEC §9).
   */
  private Outcome keywordSearch() {
    String vector =
        work.services().doctor().run().outcomes().stream()
            .filter(o -> o.name().equals("vector"))
            .map(o -> o.result().status().name())
            .findFirst()
            .orElse("absent");
    Answer memory = sessionApi.query(aliceToken, search(FEDERATED, "noon"));
    Answer credential = sessionApi.query(aliceToken, search(FEDERATED, "staple"));
    List<String> resources =
        memory.hits().stream().map(h -> String.valueOf(h.get("resource"))).toList();
    boolean ok =
        memory.status() == 200
            && "ok".equals(memory.sourceStatus(LINK))
            && hitIds(memory).equals(List.of(row("alice-memory")))
            && credential.status() == 200
            && "ok".equals(credential.sourceStatus(LINK))
            && credential.hits().isEmpty()
            && "WARN".equals(vector);
    return new Outcome(
        ok,
        "alice searches work for 'noon': "
            + memory.hits().size()
            + " hit, her memory 'prefers meetings before noon', found by keywords — work's"
            + " database has no vector extension (doctor: "
            + vector
            + "), so the embedding home sent is ignored; 'staple', a word of her credential's"
            + " secret, finds nothing",
        facts(
            "hits",
            memory.hits().size(),
            "resources",
            resources,
            "credentialHits",
            credential.hits().size(),
            "vectorCheck",
            vector));
  }

  private Outcome revocation() {
    RevokeGrantResult revoked =
        work.services()
            .revokeGrant()
            .revoke(new RevokeGrantCommand(grantId, Optional.of("demo: alice left")));
    if (!(revoked instanceof RevokeGrantResult.Revoked)) {
      return Outcome.of(false, "revoking the grant on work failed: " + revoked);
    }
    Answer answer = sessionApi.query(aliceToken, list(FEDERATED, "memory"));
    String state =
        home.services().listLinks().list(ListLinksCommand.of("alice"))
                instanceof ListLinksResult.Listed listed
            ? listed.links().stream()
                .filter(l -> l.peerName().value().equals(LINK))
                .map(l -> l.state().wireName())
                .findFirst()
                .orElse("missing")
            : "unknown";
    boolean ok =
        answer.status() == 200
            && answer.items().isEmpty()
            && "revoked".equals(answer.sourceStatus(LINK))
            && "revoked".equals(state);
    return new Outcome(
        ok,
        "work revoked the grant; alice's next request that reaches work fails: "
            + answer.sourceStatus(LINK)
            + " ("
            + answer.sourceError(LINK)
            + "), and home marked its link "
            + state,
        facts("sourceStatus", answer.sourceStatus(LINK), "linkState", state));
  }

  // ---- teardown -------------------------------------------------------------------------------

  private Outcome teardown() {
    List<String> failures = new ArrayList<>();
    for (AutoCloseable closeable :
        Stream.of(sessionApi, home, work, services).filter(Objects::nonNull).toList()) {
      try {
        closeable.close();
      } catch (Exception e) {
        failures.add(closeable.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (dir != null) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(GatewayDemo::delete);
      } catch (IOException | UncheckedIOException e) {
        failures.add("deleting " + dir + ": " + e.getMessage());
      }
    }
    boolean gone = dir == null || !Files.exists(dir);
    return Outcome.of(
        failures.isEmpty() && gone,
        failures.isEmpty()
            ? "stopped both gateways, PostgreSQL and Redis; deleted " + dir
            : "teardown incomplete: " + String.join("; ", failures));
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Facts of a step, in the order given: key, value, key, value, … */
  private static Map<String, Object> facts(Object... keysAndValues) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return facts;
  }

  private static Map<String, Object> list(String source, String resource) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("session", SESSION);
    request.put("source", source);
    request.put("verb", "list");
    request.put("resource", resource);
    return request;
  }

  private static Map<String, Object> get(String source, String resource, UUID id) {
    Map<String, Object> request = list(source, resource);
    request.put("verb", "get");
    request.put("id", id.toString());
    return request;
  }

  private static Map<String, Object> search(String source, String query) {
    Map<String, Object> request = list(source, "");
    request.remove("resource");
    request.put("verb", "search");
    request.put("query", query);
    return request;
  }

  private static List<UUID> hitIds(Answer answer) {
    return answer.hits().stream().map(h -> UUID.fromString(String.valueOf(h.get("id")))).toList();
  }

  private UUID row(String key) {
    return Objects.requireNonNull(rows.get(key), key);
  }

  private Set<UUID> rowIds(String... keys) {
    return Stream.of(keys).map(this::row).collect(Collectors.toSet());
  }

  private static Set<UUID> ids(Answer answer) {
    return answer.items().stream()
        .map(i -> UUID.fromString(String.valueOf(i.get("id"))))
        .collect(Collectors.toSet());
  }

  private static boolean allTagged(Answer answer, String source) {
    return answer.items().stream().allMatch(i -> source.equals(i.get("_source")));
  }

  private static String titles(Answer answer) {
    return answer.items().stream()
        .map(i -> "'" + i.get("title") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** One gateway of the demo: its configuration, its wired services and its started listeners. */
  private record DemoGateway(
      String name, GatewayConfig config, GatewayServices services, List<AutoCloseable> listeners)
      implements AutoCloseable {

    static DemoGateway open(
        String name, GatewayConfig config, Function<GatewayConfig, GatewayServices> wiring) {
      GatewayServices services = wiring.apply(config);
      try {
        services.databaseMigrator().migrate();
      } catch (RuntimeException e) {
        services.close();
        throw e;
      }
      return new DemoGateway(name, config, services, new ArrayList<>());
    }

    int serveFederation() {
      FederationListener listener = services.federationListener();
      int port = listener.start();
      listeners.add(listener);
      return port;
    }

    /**
     * Runs the renewal check of a requesting gateway, as {@code gateway serve} does, until close.
     * The demo's certificates live 30 days, so a run never renews; failures would show in the
     * link's state.
     */
    void renewCertificatesWhenDue() {
      listeners.add(RenewalTicker.start(services.renewalScheduler(), line -> {}));
    }

    int serveSessionApi() {
      LocalListener listener = services.localListener();
      int port = listener.start();
      listeners.add(listener);
      return port;
    }

    @Override
    public void close() throws Exception {
      Exception failure = null;
      for (AutoCloseable listener : listeners.reversed()) {
        try {
          listener.close();
        } catch (Exception e) {
          failure = failure == null ? e : failure;
        }
      }
      services.close();
      if (failure != null) {
        throw failure;
      }
    }
  }
}
