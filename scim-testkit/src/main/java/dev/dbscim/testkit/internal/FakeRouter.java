package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.redaction.Redactor;
import dev.dbscim.core.filter.ComparisonOperator;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.filter.FilterEvaluator;
import dev.dbscim.core.filter.FilterVisitor;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.patch.PatchRequest;
import dev.dbscim.testkit.FakeRateLimits;
import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import okio.ByteString;

/**
 * The {@link Dispatcher} of one host of the fake: the account host ({@link FakeStore#ACCOUNT}) or one workspace host.
 * It routes, authenticates, applies queued faults, answers with the real JSON and records a redacted journal entry.
 */
public final class FakeRouter extends Dispatcher {
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_COUNT = 10_000;
  private static final int MAX_FILTER_NODES = 200;
  private static final byte[] RESOURCES_START = ",\"Resources\":[".getBytes(StandardCharsets.UTF_8);
  private static final String ACCOUNT_ADMIN = "account_admin";
  private static final String OAUTH_SCOPE = "all-apis";
  private static final Pattern CLIENT_SECRET = Pattern.compile("((?:^|&)client_secret=)[^&]*");
  private static final String UNPARSABLE = "Request is unparsable, syntactically incorrect, or violates schema.";
  private static final Set<String> FILTERABLE =
      new HashSet<>(Arrays.asList("username", "displayname", "active", "applicationid", "externalid", "id"));
  private static final List<String> CORE_URNS =
      Arrays.asList(SchemaUrns.USER, SchemaUrns.GROUP, SchemaUrns.SERVICE_PRINCIPAL);

  private final FakeEngine engine;
  private final long host;
  private volatile MockWebServer server;
  private volatile FakeAdminApi adminApi;

  /** A response before faults and latency are applied. */
  private static final class Answer {
    final int status;
    final JsonNode body;
    /** The body already written, for answers served from the store's cache; {@code null} otherwise. */
    final byte[] raw;
    final Map<String, String> headers = new LinkedHashMap<>();

    Answer(int status, JsonNode body) {
      this.status = status;
      this.body = body;
      this.raw = null;
    }

    Answer(int status, byte[] raw) {
      this.status = status;
      this.body = null;
      this.raw = raw;
    }
  }

  /** A response body written straight from a byte array, without copying it into a buffer first. */
  private static final class BytesBody implements MockResponseBody {
    private final byte[] bytes;

    BytesBody(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getContentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }

  /**
   * Creates the dispatcher of one host.
   *
   * @param engine the shared engine
   * @param host {@link FakeStore#ACCOUNT} for the account host, else the workspace id
   */
  public FakeRouter(FakeEngine engine, long host) {
    this.engine = engine;
    this.host = host;
  }

  /**
   * Connects the server whose request queue this dispatcher drains.
   *
   * @param server the server
   */
  public void attach(MockWebServer server) {
    this.server = server;
  }

  /**
   * Serves the unauthenticated test-control API under {@code /_fake/} on this host.
   *
   * @param api the admin API
   */
  public void adminApi(FakeAdminApi api) {
    this.adminApi = api;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    drainQueue();
    FakeAdminApi admin = adminApi;
    if (admin != null && request.getUrl().encodedPath().startsWith(FakeAdminApi.PREFIX)) {
      return admin.dispatch(request);
    }
    String method = request.getMethod();
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    Optional<FakeEngine.FaultRule> fault = engine.takeFault(method, path);
    MockResponse.Builder response = new MockResponse.Builder();
    byte[] body = null;
    int status;
    if (fault.isPresent() && fault.get().disconnect && !fault.get().serveBeforeDisconnect) {
      response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
      status = 0;
    } else if (fault.isPresent() && fault.get().status > 0) {
      status = fault.get().status;
      response.code(status).setHeader("Content-Type", "application/json");
      body = utf8(faultBody(status).toString());
      if (fault.get().retryAfter != null) {
        response.setHeader("Retry-After", Long.toString(Math.max(0, fault.get().retryAfter.getSeconds())));
      }
    } else if (!path.startsWith("/oidc/") && !withinRateLimit(method, url)) {
      status = 429;
      response.code(status).setHeader("Content-Type", "application/json").setHeader("Retry-After", "1");
      body = utf8(faultBody(status).toString());
    } else {
      // HEAD is answered like GET without the body (RFC 9110 section 9.3.2).
      Answer answer = answer(request, method.equals("HEAD") ? "GET" : method, url);
      status = answer.status;
      response.code(status);
      for (Map.Entry<String, String> header : answer.headers.entrySet()) {
        response.setHeader(header.getKey(), header.getValue());
      }
      if (answer.raw != null) {
        response.setHeader("Content-Type", "application/json");
        body = answer.raw;
      } else if (answer.body != null) {
        response.setHeader("Content-Type", "application/json");
        body = utf8(write(answer.body));
      }
      if (fault.isPresent() && fault.get().serveBeforeDisconnect) {
        // Served, then the answer is lost on the way back.
        response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
      }
    }
    if (body != null) {
      // A HEAD answer announces the length the GET body would have, and sends none.
      response.body(new BytesBody(method.equals("HEAD") ? new byte[0] : body));
      response.setHeader("Content-Length", body.length);
    }
    if (fault.isPresent() && fault.get().latency != null) {
      Duration latency = fault.get().latency;
      response.headersDelay(latency.toNanos(), TimeUnit.NANOSECONDS);
    }
    record(request, method, status);
    return response.build();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void drainQueue() throws InterruptedException {
    MockWebServer attached = server;
    if (attached != null) {
      while (attached.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // MockWebServer queues every request without bound; the journal keeps a bounded, redacted copy instead.
      }
    }
  }

  private boolean withinRateLimit(String method, HttpUrl url) {
    FakeRateLimiter limiter = engine.rateLimiter();
    return limiter == null || limiter.tryAcquire(host, operation(method, url));
  }

  private static FakeRateLimits.Operation operation(String method, HttpUrl url) {
    switch (method) {
      case "POST":
        return FakeRateLimits.Operation.CREATE;
      case "PUT":
        return FakeRateLimits.Operation.REPLACE;
      case "PATCH":
        return FakeRateLimits.Operation.PATCH;
      case "DELETE":
        return FakeRateLimits.Operation.DELETE;
      default:
        List<String> segments = url.pathSegments();
        String last = segments.get(segments.size() - 1);
        if (last.isEmpty() && segments.size() > 1) {
          last = segments.get(segments.size() - 2);
        }
        return Kind.fromPlural(last).isPresent() || last.equals("permissionassignments")
            ? FakeRateLimits.Operation.LIST
            : FakeRateLimits.Operation.GET;
    }
  }

  private static ObjectNode faultBody(int status) {
    if (status == 429) {
      return FakeFailure.platform(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests. Please wait a moment and try again.")
          .body();
    }
    return FakeFailure.scim(status, null, "Injected fault (" + status + ").").body();
  }

  private Answer answer(RecordedRequest request, String method, HttpUrl url) {
    try {
      return route(request, method, url);
    } catch (FakeFailure failure) {
      Answer answer = new Answer(failure.status(), failure.body());
      if (failure.body().path("error_code").isInt()) {
        answer.headers.put("X-Databricks-Reason-Phrase", failure.getMessage());
      }
      return answer;
    }
  }

  private Answer route(RecordedRequest request, String method, HttpUrl url) {
    List<String> segments = new ArrayList<>(url.pathSegments());
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    String path = url.encodedPath();
    if (path.startsWith("/oidc/")) {
      return oidc(request, method, url, segments);
    }
    if (host != FakeStore.ACCOUNT && FakeObjectRoutes.serves(segments)) {
      FakeEngine.Caller caller = authenticateWorkspace(request);
      ByteString sent = request.getBody();
      return ok(FakeObjectRoutes.answer(engine.store.objects(), caller, method, url, segments,
          sent == null ? "" : sent.utf8()));
    }
    if (segments.size() < 3 || !segments.get(0).equals("api") || !segments.get(1).equals("2.0")) {
      throw noApi(method, path);
    }
    List<String> rest = segments.subList(2, segments.size());
    if (host == FakeStore.ACCOUNT) {
      if (rest.size() >= 2 && rest.get(0).equals("accounts")) {
        List<String> tail = rest.subList(2, rest.size());
        if (tail.size() >= 3 && tail.get(0).equals("scim") && tail.get(1).equals("v2")) {
          Optional<Kind> kind = Kind.fromPlural(tail.get(2));
          if (kind.isPresent() && tail.size() <= 4) {
            authenticateAccount(request, rest.get(1));
            return scim(request, method, url, FakeStore.ACCOUNT, kind.get(), tail.size() == 4 ? tail.get(3) : null);
          }
        }
        if (tail.size() >= 4 && tail.size() <= 5 && tail.get(0).equals("servicePrincipals")
            && tail.get(2).equals("credentials") && tail.get(3).equals("secrets")) {
          authenticateAccount(request, rest.get(1));
          return secrets(method, path, tail.get(1), tail.size() == 5 ? tail.get(4) : null);
        }
        if (tail.size() >= 3 && tail.get(0).equals("workspaces") && tail.get(2).equals("permissionassignments")) {
          authenticateAccount(request, rest.get(1));
          return accountAssignments(request, method, path, tail.get(1), tail.subList(3, tail.size()));
        }
      }
      throw noApi(method, path);
    }
    if (rest.size() >= 3 && rest.get(0).equals("preview") && rest.get(1).equals("scim") && rest.get(2).equals("v2")
        && rest.size() >= 4) {
      if (rest.get(3).equals("Me") && rest.size() == 4) {
        FakeEngine.Caller caller = authenticateWorkspace(request);
        allow(method, path, "GET");
        return ok(project(engine.store.me(host, caller.userId), url));
      }
      Optional<Kind> kind = Kind.fromPlural(rest.get(3));
      if (kind.isPresent() && rest.size() <= 5) {
        FakeEngine.Caller caller = authenticateWorkspace(request);
        boolean list = rest.size() == 4;
        if (!caller.admin && !(list && method.equals("GET"))) {
          throw FakeFailure.scim(403, null, path.substring(4) + " is only accessible by admins");
        }
        return scim(request, method, url, host, kind.get(), list ? null : rest.get(4));
      }
    }
    if (rest.size() >= 4 && rest.get(0).equals("account") && rest.get(1).equals("scim") && rest.get(2).equals("v2")) {
      Optional<Kind> kind = Kind.fromPlural(rest.get(3));
      if (kind.isPresent() && rest.size() <= 5) {
        FakeEngine.Caller caller = authenticateWorkspace(request);
        if (!caller.admin) {
          throw FakeFailure.scim(403, null, path.substring(4) + " is only accessible by admins");
        }
        boolean creatable = rest.size() == 4 && method.equals("POST") && kind.get() != Kind.GROUP;
        if (!method.equals("GET") && !creatable && isKnownMethod(method)) {
          throw FakeFailure.scim(403, null, path.substring(4) + " is only accessible by account admins");
        }
        return scim(request, method, url, FakeStore.ACCOUNT, kind.get(), rest.size() == 5 ? rest.get(4) : null);
      }
    }
    if (rest.size() >= 2 && rest.get(0).equals("preview") && rest.get(1).equals("permissionassignments")) {
      FakeEngine.Caller caller = authenticateWorkspace(request);
      if (!caller.admin) {
        throw FakeFailure.platform(403, "PERMISSION_DENIED", "Only workspace admins can manage permission assignments.");
      }
      return workspaceAssignments(request, method, path, rest.subList(2, rest.size()));
    }
    throw noApi(method, path);
  }

  private static boolean isKnownMethod(String method) {
    return Arrays.asList("GET", "POST", "PUT", "PATCH", "DELETE").contains(method);
  }

  private static FakeFailure noApi(String method, String path) {
    return FakeFailure.platform(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'");
  }

  private static void allow(String method, String path, String... allowed) {
    if (!Arrays.asList(allowed).contains(method)) {
      throw FakeFailure.platform(
          405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed for '" + path + "'");
    }
  }

  // ---------------------------------------------------------------------------------------------------- auth

  private static Optional<String> bearer(RecordedRequest request) {
    String header = request.getHeaders().get("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static FakeFailure missingCredential() {
    return FakeFailure.unauthenticated("Credential was not sent or was of an unsupported type for this API.");
  }

  private void authenticateAccount(RecordedRequest request, String accountId) {
    String token = bearer(request).orElseThrow(FakeRouter::missingCredential);
    String servicePrincipal = null;
    if (!engine.accountTokenValid(token)) {
      servicePrincipal = oauthPrincipal(token)
          .orElseThrow(() -> FakeFailure.unauthenticated("Invalid access token."));
    }
    if (!engine.accountId.equals(accountId)) {
      throw FakeFailure.platform(403, "PERMISSION_DENIED", "The token is not valid for account " + accountId + ".");
    }
    if (servicePrincipal != null && !engine.store.hasRole(FakeStore.ACCOUNT, servicePrincipal, ACCOUNT_ADMIN)) {
      throw FakeFailure.platform(403, "PERMISSION_DENIED", "Only account admins can use this API.");
    }
  }

  private FakeEngine.Caller authenticateWorkspace(RecordedRequest request) {
    String token = bearer(request).orElseThrow(FakeRouter::missingCredential);
    Optional<FakeEngine.Caller> caller = engine.workspaceCaller(token, host);
    if (caller.isPresent()) {
      return caller.get();
    }
    caller = engine.store.objects().tokenCaller(token, host);
    if (caller.isPresent()) {
      return caller.get();
    }
    String servicePrincipal = oauthPrincipal(token)
        .orElseThrow(() -> FakeFailure.credentialRefused(403, "Invalid access token."));
    Optional<String> admins = engine.store.idByName(host, Kind.GROUP, FakeBuiltins.ADMINS);
    boolean admin = admins.isPresent() && engine.store.memberOf(servicePrincipal, admins.get());
    return new FakeEngine.Caller(host, servicePrincipal, admin);
  }

  /** Returns the service principal behind an unexpired OAuth token issued by this host, if it is still active. */
  private Optional<String> oauthPrincipal(String token) {
    return engine.oauth().grant(token, host)
        .flatMap(grant -> engine.store.activeServicePrincipal(host, grant.applicationId));
  }

  // ---------------------------------------------------------------------------------------------------- OAuth

  private Answer oidc(RecordedRequest request, String method, HttpUrl url, List<String> segments) {
    String path = url.encodedPath();
    // segments: oidc, [accounts, {id},] (.well-known, oauth-authorization-server | v1, token)
    List<String> rest = segments.subList(1, segments.size());
    boolean accountPath = rest.size() >= 2 && rest.get(0).equals("accounts");
    if (accountPath) {
      if (host != FakeStore.ACCOUNT || !rest.get(1).equals(engine.accountId)) {
        throw noApi(method, path);
      }
      rest = rest.subList(2, rest.size());
    } else if (host == FakeStore.ACCOUNT && !isDiscovery(rest)) {
      throw noApi(method, path);
    }
    String base = url.newBuilder().encodedPath("/").query(null).build().toString();
    String oidcBase = base + (host == FakeStore.ACCOUNT ? "oidc/accounts/" + engine.accountId : "oidc");
    if (isDiscovery(rest)) {
      allow(method, path, "GET");
      // A loopback account host is not recognised as an accounts host by the SDKs, so they ask {host}/oidc/.well-known
      // there too: both answer with the account's endpoints.
      ObjectNode discovery = NODES.objectNode();
      discovery.put("issuer", oidcBase);
      discovery.put("authorization_endpoint", oidcBase + "/v1/authorize");
      discovery.put("token_endpoint", oidcBase + "/v1/token");
      discovery.putArray("grant_types_supported").add("client_credentials").add("authorization_code")
          .add("refresh_token");
      discovery.putArray("scopes_supported").add(OAUTH_SCOPE).add("offline_access");
      discovery.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
      return ok(discovery);
    }
    if (rest.size() == 2 && rest.get(0).equals("v1") && rest.get(1).equals("token")) {
      allow(method, path, "POST");
      return token(request);
    }
    throw noApi(method, path);
  }

  private static boolean isDiscovery(List<String> rest) {
    return rest.size() == 2 && rest.get(0).equals(".well-known") && rest.get(1).equals("oauth-authorization-server");
  }

  /** The client-credentials grant (RFC 6749 section 4.4), client authenticated by Basic auth or form fields. */
  private Answer token(RecordedRequest request) {
    Map<String, String> form = form(request);
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String header = request.getHeaders().get("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return oauthError(401, "invalid_client", "Client authentication failed.");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return oauthError(401, "invalid_client", "Client authentication failed.");
      }
      // RFC 6749 section 2.3.1 form-encodes both before Basic; ids and secrets of the fake never contain '%' or '+'.
      clientId = formDecode(pair.substring(0, colon));
      clientSecret = formDecode(pair.substring(colon + 1));
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return oauthError(400, "invalid_request", "Missing grant_type.");
    }
    if (!grantType.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "Unsupported grant_type " + grantType + ".");
    }
    String scope = form.get("scope");
    if (scope != null && !Arrays.asList(scope.trim().split(" +")).contains(OAUTH_SCOPE)) {
      return oauthError(400, "invalid_scope", "The requested scope is invalid.");
    }
    if (clientId == null || clientSecret == null
        || !engine.store.activeServicePrincipal(host, clientId).isPresent()
        || !engine.oauth().secretMatches(clientId, clientSecret)) {
      return oauthError(401, "invalid_client", "Client authentication failed.");
    }
    ObjectNode out = NODES.objectNode();
    out.put("access_token", engine.oauth().issue(clientId, host));
    out.put("token_type", "Bearer");
    out.put("expires_in", FakeOAuth.TOKEN_LIFETIME.getSeconds());
    out.put("scope", OAUTH_SCOPE);
    return ok(out);
  }

  private static Answer oauthError(int status, String error, String description) {
    return new Answer(status, NODES.objectNode().put("error", error).put("error_description", description));
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    ByteString body = request.getBody();
    if (body == null || body.size() == 0) {
      return form;
    }
    for (String pair : body.utf8().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = formDecode(equals < 0 ? pair : pair.substring(0, equals));
      form.putIfAbsent(name, equals < 0 ? "" : formDecode(pair.substring(equals + 1)));
    }
    return form;
  }

  private static String formDecode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** {@code /api/2.0/accounts/{a}/servicePrincipals/{id}/credentials/secrets[/{secretId}]}. */
  private Answer secrets(String method, String path, String servicePrincipalId, String secretId) {
    Optional<Kind> kind = engine.store.kindOf(servicePrincipalId);
    Optional<ObjectNode> servicePrincipal = kind.isPresent() && kind.get() == Kind.SERVICE_PRINCIPAL
        ? engine.store.renderHome(servicePrincipalId) : Optional.empty();
    String applicationId = servicePrincipal.map(node -> node.path("applicationId").asText()).orElse("");
    if (!engine.store.idByName(FakeStore.ACCOUNT, Kind.SERVICE_PRINCIPAL, applicationId)
        .filter(servicePrincipalId::equals).isPresent()) {
      throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST",
          "Service principal " + servicePrincipalId + " does not exist in account " + engine.accountId + ".");
    }
    if (secretId != null) {
      allow(method, path, "DELETE");
      if (!engine.oauth().deleteSecret(applicationId, secretId)) {
        throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Secret " + secretId + " does not exist.");
      }
      return ok(NODES.objectNode());
    }
    allow(method, path, "GET", "POST");
    if (method.equals("POST")) {
      FakeOAuth.Secret secret = engine.oauth().createSecret(applicationId);
      ObjectNode out = secretInfo(secret);
      out.put("secret", secret.value);
      return ok(out);
    }
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("secrets");
    for (FakeOAuth.Secret secret : engine.oauth().secrets(applicationId)) {
      array.add(secretInfo(secret));
    }
    return ok(out);
  }

  private static ObjectNode secretInfo(FakeOAuth.Secret secret) {
    String created = secret.created.toString();
    return NODES.objectNode().put("id", secret.id).put("secret_hash", secret.hash()).put("create_time", created)
        .put("update_time", created).put("status", "ACTIVE");
  }

  // ---------------------------------------------------------------------------------------------------- SCIM

  private Answer scim(RecordedRequest request, String method, HttpUrl url, long scope, Kind kind, String id) {
    String path = url.encodedPath();
    FakeStore store = engine.store;
    if (id == null) {
      allow(method, path, "GET", "POST");
      if (method.equals("GET")) {
        boolean withMembers = scope != FakeStore.ACCOUNT || engine.accountGroupListIncludesMembers;
        return list(scope, kind, withMembers, url);
      }
      return new Answer(201, store.create(scope, kind, body(request)));
    }
    allow(method, path, "GET", "PUT", "PATCH", "DELETE");
    switch (method) {
      case "GET":
        FakeStore.Rendered rendered = store.rendered(scope, kind, id);
        return projected(url) ? ok(project(rendered.tree(), url)) : new Answer(200, rendered.json);
      case "PUT":
      case "PATCH":
        String before = tracksRenames(scope, kind) ? store.rendered(scope, kind, id).view.path("displayName").asText()
            : null;
        ObjectNode changed = method.equals("PUT") ? store.replace(scope, kind, id, body(request))
            : store.patch(scope, kind, id, patchRequest(body(request)));
        if (before != null && !before.equals(changed.path("displayName").asText())) {
          engine.renamed(id, before);
        }
        return ok(changed);
      default:
        store.delete(scope, kind, id);
        return new Answer(204, (JsonNode) null);
    }
  }

  private boolean tracksRenames(long scope, Kind kind) {
    return scope != FakeStore.ACCOUNT && kind == Kind.GROUP && !engine.renameVisibilityDelay().isZero();
  }

  /** Shows the old names of workspace groups renamed less than the rename visibility delay ago. */
  private List<FakeStore.Rendered> withStaleNames(List<FakeStore.Rendered> resources) {
    List<FakeStore.Rendered> shown = new ArrayList<>(resources.size());
    for (FakeStore.Rendered resource : resources) {
      Optional<String> stale = engine.staleName(resource.view.path("id").asText());
      if (stale.isPresent()) {
        ObjectNode view = resource.view.deepCopy();
        view.put("displayName", stale.get());
        ObjectNode tree = resource.tree();
        tree.put("displayName", stale.get());
        shown.add(new FakeStore.Rendered(view, write(tree).getBytes(StandardCharsets.UTF_8)));
      } else {
        shown.add(resource);
      }
    }
    return shown;
  }

  private static JsonNode body(RecordedRequest request) {
    ByteString body = request.getBody();
    if (body == null || body.size() == 0) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
    try {
      JsonNode tree = MAPPER.readTree(body.utf8());
      if (tree == null || !tree.isObject()) {
        throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
      }
      return tree;
    } catch (IOException e) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
  }

  private static PatchRequest patchRequest(JsonNode body) {
    PatchRequest request;
    try {
      request = ScimJson.fromTree(body, PatchRequest.class);
    } catch (IllegalArgumentException e) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
    if (request.operations().isEmpty()) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
    return request;
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private static boolean projected(HttpUrl url) {
    return hasText(url.queryParameter("attributes")) || hasText(url.queryParameter("excludedAttributes"));
  }

  private static boolean hasText(String value) {
    return value != null && !value.trim().isEmpty();
  }

  private Answer list(long scope, Kind kind, boolean withMembers, HttpUrl url) {
    String filterText = url.queryParameter("filter");
    Filter filter = hasText(filterText) ? parseFilter(filterText) : null;
    String userName = kind == Kind.USER && filter != null ? userNameEquality(filter) : null;
    List<FakeStore.Rendered> resources = userName != null
        ? engine.store.renderedUsersNamed(scope, userName)
        : engine.store.listRendered(scope, kind, withMembers);
    if (scope != FakeStore.ACCOUNT && kind == Kind.GROUP && engine.renamesPending()) {
      resources = withStaleNames(resources);
    }
    List<FakeStore.Rendered> matching = resources;
    if (filter != null) {
      FilterEvaluator evaluator = FilterEvaluator.standard();
      matching = new ArrayList<>();
      // Databricks filters name only stored attributes, which the small view carries; full RFC filters may name
      // anything, so they see the whole resource.
      for (FakeStore.Rendered resource : resources) {
        if (evaluator.matches(filter, engine.fullRfcFilters ? resource.tree() : resource.view)) {
          matching.add(resource);
        }
      }
    }
    String sortBy = url.queryParameter("sortBy");
    if (sortBy != null && !sortBy.trim().isEmpty()) {
      Map<FakeStore.Rendered, String> keys = new IdentityHashMap<>();
      for (FakeStore.Rendered resource : matching) {
        keys.put(resource, sortKey(resource.tree(), sortBy.trim()));
      }
      Comparator<String> byKey = "descending".equalsIgnoreCase(String.valueOf(url.queryParameter("sortOrder")).trim())
          ? Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.reversed())
          : Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
      matching = new ArrayList<>(matching);
      matching.sort(Comparator.comparing(keys::get, byKey));
    }
    int startIndex = Math.max(1, intParameter(url, "startIndex", 1));
    int count = Math.min(MAX_COUNT, Math.max(0, intParameter(url, "count", MAX_COUNT)));
    int from = (int) Math.min((long) startIndex - 1, matching.size());
    int to = (int) Math.min((long) from + count, matching.size());
    ObjectNode envelope = NODES.objectNode();
    envelope.put("totalResults", matching.size());
    envelope.put("itemsPerPage", to - from);
    envelope.put("startIndex", startIndex);
    envelope.putArray("schemas").add(SchemaUrns.LIST_RESPONSE);
    if (to <= from) {
      return ok(envelope);
    }
    if (projected(url)) {
      ArrayNode page = envelope.putArray("Resources");
      for (FakeStore.Rendered resource : matching.subList(from, to)) {
        page.add(project(resource.tree(), url));
      }
      return ok(envelope);
    }
    // Splice the cached bytes of each resource into the envelope instead of writing every resource again.
    byte[] head = write(envelope).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + 64 + 512 * (to - from));
    out.write(head, 0, head.length - 1);
    out.write(RESOURCES_START, 0, RESOURCES_START.length);
    for (int i = from; i < to; i++) {
      if (i > from) {
        out.write(',');
      }
      byte[] json = matching.get(i).json;
      out.write(json, 0, json.length);
    }
    out.write(']');
    out.write('}');
    return new Answer(200, out.toByteArray());
  }

  /**
   * Returns the lower-cased user name of a {@code userName eq "..."} filter, or {@code null} for any other filter.
   * Only ASCII names take this path, where lower-casing and the evaluator's case-insensitive match agree; the caller
   * still evaluates the filter on what the index finds.
   */
  private static String userNameEquality(Filter filter) {
    if (!(filter instanceof Filter.Comparison)) {
      return null;
    }
    Filter.Comparison comparison = (Filter.Comparison) filter;
    if (comparison.operator() != ComparisonOperator.EQ || !comparison.value().isTextual()
        || !stripUrn(comparison.attribute().fullName()).equalsIgnoreCase("userName")) {
      return null;
    }
    String value = comparison.value().asText();
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 127) {
        return null;
      }
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static int intParameter(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    if (value == null || value.trim().isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      try {
        return new java.math.BigInteger(value.trim()).signum() > 0 ? Integer.MAX_VALUE : 0;
      } catch (NumberFormatException notNumber) {
        throw FakeFailure.scim(400, "invalidValue", "Invalid value for " + name + ".");
      }
    }
  }

  private static String sortKey(ObjectNode resource, String sortBy) {
    String path = stripUrn(sortBy);
    String[] parts = path.split("\\.", 2);
    JsonNode node = field(resource, parts[0]);
    if (node != null && node.isArray()) {
      JsonNode chosen = null;
      for (JsonNode element : node) {
        if (chosen == null || element.path("primary").asBoolean(false)) {
          chosen = element;
        }
      }
      node = chosen == null ? null : (parts.length > 1 ? field(chosen, parts[1]) : chosen.get("value"));
    } else if (node != null && parts.length > 1) {
      node = field(node, parts[1]);
    }
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static JsonNode field(JsonNode node, String name) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static String stripUrn(String attribute) {
    for (String urn : CORE_URNS) {
      if (attribute.regionMatches(true, 0, urn + ":", 0, urn.length() + 1)) {
        return attribute.substring(urn.length() + 1);
      }
    }
    return attribute;
  }

  private Filter parseFilter(String text) {
    Filter filter;
    try {
      filter = Filter.parseLenient(text);
    } catch (IllegalArgumentException e) {
      throw invalidFilter();
    }
    if (!engine.fullRfcFilters) {
      int nodes = filter.accept(new DatabricksFilterCheck());
      if (nodes > MAX_FILTER_NODES) {
        throw invalidFilter();
      }
    }
    return filter;
  }

  private static FakeFailure invalidFilter() {
    return FakeFailure.scim(400, "InvalidFilter", "Given filter operator is not supported.");
  }

  /** Refuses what Databricks does not support, and counts the nodes of what it does. */
  private static final class DatabricksFilterCheck implements FilterVisitor<Integer> {
    @Override
    public Integer visitComparison(Filter.Comparison filter) {
      switch (filter.operator()) {
        case EQ:
        case NE:
        case CO:
        case SW:
          break;
        default:
          throw invalidFilter();
      }
      String attribute = stripUrn(filter.attribute().fullName()).toLowerCase(Locale.ROOT);
      if (!FILTERABLE.contains(attribute)) {
        throw invalidFilter();
      }
      return 1;
    }

    @Override
    public Integer visitPresent(Filter.Present filter) {
      throw invalidFilter();
    }

    @Override
    public Integer visitAnd(Filter.And filter) {
      return junction(filter.operands());
    }

    @Override
    public Integer visitOr(Filter.Or filter) {
      return junction(filter.operands());
    }

    private Integer junction(List<Filter> operands) {
      int nodes = 1;
      for (Filter operand : operands) {
        nodes += operand.accept(this);
      }
      return nodes;
    }

    @Override
    public Integer visitNot(Filter.Not filter) {
      throw invalidFilter();
    }

    @Override
    public Integer visitValuePath(Filter.ValuePath filter) {
      throw invalidFilter();
    }
  }

  private static ObjectNode project(ObjectNode resource, HttpUrl url) {
    String attributes = url.queryParameter("attributes");
    String excluded = url.queryParameter("excludedAttributes");
    ObjectNode out = resource;
    if (attributes != null && !attributes.trim().isEmpty()) {
      out = NODES.objectNode();
      for (String attribute : names(attributes)) {
        String[] parts = attribute.split("\\.", 2);
        JsonNode value = null;
        String key = null;
        Iterator<Map.Entry<String, JsonNode>> fields = resource.properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (field.getKey().equalsIgnoreCase(parts[0])) {
            key = field.getKey();
            value = field.getValue();
          }
        }
        if (value == null) {
          continue;
        }
        if (parts.length == 1 || !value.isObject()) {
          out.set(key, value);
        } else {
          JsonNode sub = field(value, parts[1]);
          if (sub != null) {
            ObjectNode holder = NODES.objectNode();
            if (out.has(key) && out.get(key).isObject()) {
              holder.setAll((ObjectNode) out.get(key)); // a copy: out may share nodes with the store's cache
            }
            holder.set(parts[1], sub);
            out.set(key, holder);
          }
        }
      }
      ObjectNode withId = NODES.objectNode().put("id", resource.path("id").asText());
      withId.setAll(out);
      out = withId;
    }
    if (excluded != null && !excluded.trim().isEmpty()) {
      out = out.deepCopy();
      for (String attribute : names(excluded)) {
        if (attribute.equalsIgnoreCase("id")) {
          continue;
        }
        String[] parts = attribute.split("\\.", 2);
        List<String> remove = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = out.properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (field.getKey().equalsIgnoreCase(parts[0])) {
            if (parts.length == 1) {
              remove.add(field.getKey());
            } else if (field.getValue().isObject()) {
              ((ObjectNode) field.getValue()).remove(parts[1]);
            }
          }
        }
        out.remove(remove);
      }
    }
    return out;
  }

  private static List<String> names(String commaSeparated) {
    List<String> names = new ArrayList<>();
    for (String name : commaSeparated.split(",")) {
      if (!name.trim().isEmpty()) {
        names.add(stripUrn(name.trim()));
      }
    }
    return names;
  }

  // ---------------------------------------------------------------------------------------------------- assignments

  private Answer accountAssignments(RecordedRequest request, String method, String path, String workspace,
      List<String> tail) {
    long workspaceId = parseId(workspace);
    if (!engine.store.hasWorkspace(workspaceId)) {
      throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Workspace " + workspace + " does not exist.");
    }
    if (tail.isEmpty()) {
      allow(method, path, "GET");
      return ok(assignmentList(engine.store.assignments(workspaceId)));
    }
    if (tail.size() == 1 && tail.get(0).equals("permissions")) {
      allow(method, path, "GET");
      return ok(permissionLevels());
    }
    if (tail.size() == 2 && tail.get(0).equals("principals")) {
      allow(method, path, "PUT", "DELETE");
      return principalAssignment(request, method, workspaceId, tail.get(1));
    }
    throw noApi(method, path);
  }

  private Answer workspaceAssignments(RecordedRequest request, String method, String path, List<String> tail) {
    if (tail.isEmpty()) {
      allow(method, path, "GET", "POST");
      if (method.equals("GET")) {
        return ok(assignmentList(engine.store.assignments(host)));
      }
      JsonNode items = body(request).get("permission_assignments");
      if (items == null || !items.isArray()) {
        throw FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", "Missing required field: permission_assignments");
      }
      List<ObjectNode> results = new ArrayList<>();
      for (JsonNode item : items) {
        List<String> permissions = permissions(item);
        if (item.hasNonNull("user_name")) {
          results.add(engine.store.assignByName(host, Kind.USER, item.get("user_name").asText(), permissions));
        } else if (item.hasNonNull("group_name")) {
          results.add(engine.store.assignByName(host, Kind.GROUP, item.get("group_name").asText(), permissions));
        } else if (item.hasNonNull("service_principal_name")) {
          results.add(engine.store.assignByName(
              host, Kind.SERVICE_PRINCIPAL, item.get("service_principal_name").asText(), permissions));
        } else {
          throw FakeFailure.platform(400, "INVALID_PARAMETER_VALUE",
              "One of user_name, group_name or service_principal_name is required.");
        }
      }
      return ok(assignmentList(results));
    }
    if (tail.size() == 2 && tail.get(0).equals("principals")) {
      allow(method, path, "PUT", "DELETE");
      return principalAssignment(request, method, host, tail.get(1));
    }
    throw noApi(method, path);
  }

  private Answer principalAssignment(RecordedRequest request, String method, long workspaceId, String principal) {
    String principalId = Long.toString(parseId(principal));
    if (method.equals("DELETE")) {
      engine.store.unassign(workspaceId, principalId);
      return ok(NODES.objectNode());
    }
    return ok(engine.store.assign(workspaceId, principalId, permissions(body(request))));
  }

  private static List<String> permissions(JsonNode body) {
    JsonNode permissions = body.get("permissions");
    if (permissions == null || permissions.isNull()) {
      return Collections.emptyList();
    }
    if (!permissions.isArray()) {
      throw FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", "permissions must be an array.");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode permission : permissions) {
      values.add(permission.asText());
    }
    return values;
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", "Invalid id: " + text);
    }
  }

  private static ObjectNode assignmentList(List<ObjectNode> items) {
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("permission_assignments");
    items.forEach(array::add);
    return out;
  }

  private static ObjectNode permissionLevels() {
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("permissions");
    array.add(NODES.objectNode().put("permission_level", "USER").put("description", "Can use the workspace."));
    array.add(NODES.objectNode().put("permission_level", "ADMIN")
        .put("description", "Can use the workspace and administer its users, groups and settings."));
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- journal

  private void record(RecordedRequest request, String method, int status) {
    Headers sent = request.getHeaders();
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0, size = sent.size(); i < size; i++) {
      String name = sent.name(i);
      boolean secret = Redactor.isSensitiveHeader(name);
      List<String> values = headers.get(name);
      if (values == null) {
        values = new ArrayList<>(1);
        headers.put(name, values);
      }
      values.add(secret ? "****" : sent.value(i));
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      entry.setValue(Collections.unmodifiableList(entry.getValue()));
    }
    ByteString body = request.getBody();
    String text = body == null ? "" : body.utf8();
    if (text.contains("client_secret")) {
      text = CLIENT_SECRET.matcher(text).replaceAll("$1****");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("password") || lower.contains("token_value")) {
      text = redactPasswords(text);
    }
    engine.record(host, method, Redactor.pathAndQuery(request.getTarget()), Collections.unmodifiableMap(headers), text,
        status);
  }

  private static String redactPasswords(String text) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      redact(tree);
      return MAPPER.writeValueAsString(tree);
    } catch (IOException e) {
      return "****";
    }
  }

  private static void redact(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> secrets = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey().toLowerCase(Locale.ROOT);
        if (key.contains("password") || key.equals("token_value")) {
          secrets.add(field.getKey());
        } else {
          redact(field.getValue());
        }
      }
      for (String secret : secrets) {
        object.put(secret, "****");
      }
      if (object.path("path").asText("").toLowerCase(Locale.ROOT).contains("password") && object.has("value")) {
        object.put("value", "****");
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        redact(element);
      }
    }
  }

  private static String write(JsonNode body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
