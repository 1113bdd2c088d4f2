package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * The test-control API under {@code /_fake/}: state dump, journal, faults, clock and reset. It needs no token, is not
 * journaled and is never hit by injected faults. Answers are JSON; refusals are
 * {@code {"error_code":"INVALID_PARAMETER_VALUE","message":...}} with 400 (404 for an unknown path, 405 for a wrong
 * method, 409 when the clock cannot be set).
 */
public final class FakeAdminApi {
  /** The path prefix. */
  public static final String PREFIX = "/_fake/";

  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FakeEngine engine;
  private final Clock clock;
  private final Consumer<Fault> faults;
  private final Supplier<List<RecordedCall>> journal;
  private final Runnable reset;

  /** A refusal of the admin API. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Refusal(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  /**
   * Creates the admin API of one fake.
   *
   * @param engine the engine (its current store is dumped)
   * @param clock the fake's clock; settable only when it is a {@link FakeClock}
   * @param faults queues a fault
   * @param journal returns the redacted journal
   * @param reset empties the fake
   */
  public FakeAdminApi(FakeEngine engine, Clock clock, Consumer<Fault> faults, Supplier<List<RecordedCall>> journal,
      Runnable reset) {
    this.engine = engine;
    this.clock = clock;
    this.faults = faults;
    this.journal = journal;
    this.reset = reset;
  }

  /**
   * Answers one admin request.
   *
   * @param request the request, whose path starts with {@link #PREFIX}
   * @return the response
   */
  public MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    int status = 200;
    JsonNode body;
    try {
      body = route(method, path, request);
    } catch (Refusal refusal) {
      status = refusal.status;
      body = NODES.objectNode().put("error_code", refusal.code).put("message", refusal.getMessage());
    }
    try {
      return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
          .body(MAPPER.writeValueAsString(body)).build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private JsonNode route(String method, String path, RecordedRequest request) {
    String name = path.substring(PREFIX.length());
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    switch (name) {
      case "state":
        allow(method, path, "GET");
        return state();
      case "requests":
        allow(method, path, "GET", "DELETE");
        if (method.equals("DELETE")) {
          engine.clearJournal();
          return NODES.objectNode();
        }
        return requests();
      case "faults":
        allow(method, path, "POST", "DELETE");
        if (method.equals("DELETE")) {
          engine.clearFaults();
          return NODES.objectNode();
        }
        return addFaults(body(request));
      case "clock":
        allow(method, path, "GET", "POST");
        if (method.equals("POST")) {
          moveClock(body(request));
        }
        return NODES.objectNode().put("now", clock.instant().toString());
      case "reset":
        allow(method, path, "POST");
        reset.run();
        return NODES.objectNode();
      default:
        throw new Refusal(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'");
    }
  }

  private static void allow(String method, String path, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    throw new Refusal(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed for '" + path + "'");
  }

  private static JsonNode body(RecordedRequest request) {
    ByteString bytes = request.getBody();
    if (bytes == null || bytes.size() == 0) {
      return NODES.objectNode();
    }
    try {
      return MAPPER.readTree(bytes.utf8());
    } catch (IOException e) {
      throw invalid("The body is not JSON.");
    }
  }

  private static Refusal invalid(String message) {
    return new Refusal(400, "INVALID_PARAMETER_VALUE", message);
  }

  // ---------------------------------------------------------------------------------------------------- state

  private ObjectNode state() {
    FakeStore store = engine.store();
    ObjectNode out = NODES.objectNode();
    out.put("accountId", engine.accountId);
    out.put("now", clock.instant().toString());
    ObjectNode account = out.putObject("account");
    Set<String> accountIds = new HashSet<>();
    for (Kind kind : Kind.values()) {
      ArrayNode array = account.putArray(key(kind));
      for (ObjectNode resource : store.list(FakeStore.ACCOUNT, kind, true)) {
        accountIds.add(resource.path("id").asText());
        array.add(resource);
      }
    }
    ArrayNode workspaces = out.putArray("workspaces");
    for (long workspaceId : store.workspaceIds()) {
      ObjectNode workspace = workspaces.addObject();
      workspace.put("id", workspaceId);
      workspace.put("federated", store.federated(workspaceId));
      for (Kind kind : Kind.values()) {
        ArrayNode local = workspace.putArray(key(kind));
        for (ObjectNode resource : store.list(workspaceId, kind, true)) {
          if (!accountIds.contains(resource.path("id").asText())) {
            local.add(resource);
          }
        }
      }
      ArrayNode assignments = workspace.putArray("assignments");
      store.assignments(workspaceId).forEach(assignments::add);
    }
    return out;
  }

  private static String key(Kind kind) {
    switch (kind) {
      case USER:
        return "users";
      case SERVICE_PRINCIPAL:
        return "servicePrincipals";
      default:
        return "groups";
    }
  }

  private ObjectNode requests() {
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("requests");
    for (RecordedCall call : journal.get()) {
      ObjectNode item = array.addObject();
      if (call.workspaceId().isPresent()) {
        item.put("workspaceId", call.workspaceId().getAsLong());
      } else {
        item.putNull("workspaceId");
      }
      item.put("method", call.method());
      item.put("target", call.target());
      item.put("status", call.status());
      item.put("time", call.time().toString());
      ObjectNode headers = item.putObject("headers");
      for (Map.Entry<String, List<String>> header : call.headers().entrySet()) {
        ArrayNode values = headers.putArray(header.getKey());
        header.getValue().forEach(values::add);
      }
      item.put("body", call.body());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- faults

  private ObjectNode addFaults(JsonNode body) {
    ObjectNode out = NODES.objectNode();
    ArrayNode queued = out.putArray("queued");
    if (body.isArray()) {
      for (JsonNode item : body) {
        queued.add(addFault(item));
      }
    } else {
      queued.add(addFault(body));
    }
    return out;
  }

  private String addFault(JsonNode spec) {
    if (!spec.isObject()) {
      throw invalid("A fault is a JSON object.");
    }
    Fault fault;
    try {
      fault = fault(spec);
    } catch (IllegalArgumentException e) {
      throw invalid("Invalid fault: " + e.getMessage());
    }
    faults.accept(fault);
    return fault.toString();
  }

  private static Fault fault(JsonNode spec) {
    boolean disconnect = spec.path("disconnect").asBoolean(false);
    Duration latency = spec.hasNonNull("latencyMillis") ? Duration.ofMillis(number(spec, "latencyMillis")) : null;
    Fault fault;
    if (disconnect) {
      fault = Fault.disconnect();
      if (latency != null) {
        fault = fault.withLatency(latency);
      }
    } else if (spec.hasNonNull("status")) {
      fault = Fault.status((int) number(spec, "status"));
      if (latency != null) {
        fault = fault.withLatency(latency);
      }
    } else if (latency != null) {
      fault = Fault.latency(latency);
    } else {
      throw new IllegalArgumentException("give status, latencyMillis or disconnect");
    }
    if (spec.hasNonNull("retryAfterSeconds")) {
      fault = fault.retryAfter(Duration.ofSeconds(number(spec, "retryAfterSeconds")));
    }
    if (spec.hasNonNull("times")) {
      fault = fault.times((int) number(spec, "times"));
    }
    if (spec.hasNonNull("probability")) {
      if (!spec.get("probability").isNumber()) {
        throw new IllegalArgumentException("probability must be a number");
      }
      fault = fault.probability(spec.get("probability").asDouble());
    }
    if (spec.hasNonNull("seed")) {
      fault = fault.seed(number(spec, "seed"));
    }
    String method = spec.hasNonNull("method") ? spec.get("method").asText() : null;
    String pathRegex = spec.hasNonNull("pathRegex") ? spec.get("pathRegex").asText() : null;
    if (method != null || pathRegex != null) {
      fault = fault.on(method, pathRegex);
    }
    return fault;
  }

  private static long number(JsonNode spec, String field) {
    JsonNode value = spec.get(field);
    if (!value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    return value.asLong();
  }

  // ---------------------------------------------------------------------------------------------------- clock

  private void moveClock(JsonNode body) {
    if (!(clock instanceof FakeClock)) {
      throw new Refusal(409, "INVALID_STATE", "The fake's clock is not a FakeClock and cannot be moved.");
    }
    FakeClock fake = (FakeClock) clock;
    try {
      if (body.hasNonNull("advanceSeconds")) {
        fake.advance(Duration.ofSeconds(number(body, "advanceSeconds")));
      } else if (body.hasNonNull("set")) {
        fake.set(Instant.parse(body.get("set").asText()));
      } else {
        throw invalid("Give advanceSeconds or set.");
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid("Invalid clock change: " + e.getMessage());
    }
  }
}
