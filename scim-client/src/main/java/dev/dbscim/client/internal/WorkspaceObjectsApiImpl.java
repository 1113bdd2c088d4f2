package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.api.WorkspaceObjectsApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link WorkspaceObjectsApi} over a {@link ScimTransport}: one list call per page, paged as each API pages
 * ({@code page_token}, or page numbers for legacy dashboards), paced as {@link OperationClass#LIST}; details calls
 * paced as {@link OperationClass#GET}. Paths are absolute on the workspace host, so every message names the whole
 * endpoint, such as {@code /api/2.2/jobs/list}.
 *
 * <p>Not public API; may change without notice.
 */
public final class WorkspaceObjectsApiImpl implements WorkspaceObjectsApi {
  /** The largest {@code limit} of {@code jobs/list} (the API refuses more). */
  static final int JOBS_PAGE = 100;
  /** The {@code page_size} of the other token-paged lists (none documents a maximum; 100 is what SDKs send). */
  static final int PAGE_SIZE = 100;
  /** The {@code page_size} of the legacy dashboards list (its largest). */
  static final int LEGACY_PAGE_SIZE = 250;

  private final ScimTransport transport;

  /**
   * Returns the API for the workspace the transport's endpoint points at. It derives a transport without base path,
   * so the given one may have any (such as the workspace SCIM root); only its endpoint, client and settings are used.
   *
   * @param transport the workspace client's transport
   */
  public WorkspaceObjectsApiImpl(ScimTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport").withBasePath("");
  }

  @Override
  public List<WorkspaceObject> list(WorkspaceObject.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case TOKEN:
        return tokens();
      case JOB:
        return tokenPaged(kind, "/api/2.2/jobs/list", "limit", JOBS_PAGE, "jobs");
      case CLUSTER:
        return tokenPaged(kind, "/api/2.1/clusters/list", "page_size", PAGE_SIZE, "clusters");
      case WAREHOUSE:
        return tokenPaged(kind, "/api/2.0/sql/warehouses", "page_size", PAGE_SIZE, "warehouses");
      case QUERY:
        return tokenPaged(kind, "/api/2.0/sql/queries", "page_size", PAGE_SIZE, "results");
      case ALERT:
        return tokenPaged(kind, "/api/2.0/sql/alerts", "page_size", PAGE_SIZE, "results");
      case DASHBOARD:
        return legacyDashboards();
      default:
        return tokenPaged(kind, "/api/2.0/lakeview/dashboards", "page_size", PAGE_SIZE, "dashboards");
    }
  }

  private List<WorkspaceObject> tokens() {
    ScimRequest request = ScimRequest.of("GET", "/api/2.0/token-management/tokens", OperationClass.LIST);
    ObjectWire.Answer answer = new ObjectWire.Answer(transport.send(request), "token list");
    return read(WorkspaceObject.Kind.TOKEN, answer.items("token_infos", true), answer, new ArrayList<>());
  }

  /**
   * Reads a list paged by {@code page_token}: it ends when {@code next_page_token} is absent or empty. An absent list
   * field means none (these APIs omit empty lists), but only on the last page.
   */
  private List<WorkspaceObject> tokenPaged(WorkspaceObject.Kind kind, String path, String sizeParameter, int size,
      String field) {
    List<WorkspaceObject> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    while (true) {
      ScimRequest request = ScimRequest.of("GET", path, OperationClass.LIST)
          .withQuery(sizeParameter, Integer.toString(size));
      if (token != null) {
        request = request.withQuery("page_token", token);
      }
      ObjectWire.Answer page = new ObjectWire.Answer(transport.send(request), kind.label(2) + " page");
      String next = page.optionalText("next_page_token");
      read(kind, page.items(field, next == null), page, out);
      if (next == null) {
        return out;
      }
      if (!seen.add(next)) {
        throw page.fail("\"next_page_token\" repeats an earlier page's, so the paging would never end");
      }
      token = next;
    }
  }

  /**
   * Reads the legacy dashboards, paged by number from 1: it ends when a page holds fewer than its size or the pages
   * read cover {@code count}.
   */
  private List<WorkspaceObject> legacyDashboards() {
    List<WorkspaceObject> out = new ArrayList<>();
    for (long number = 1; ; number++) {
      ScimRequest request = ScimRequest.of("GET", "/api/2.0/preview/sql/dashboards", OperationClass.LIST)
          .withQuery("page", Long.toString(number))
          .withQuery("page_size", Integer.toString(LEGACY_PAGE_SIZE));
      ObjectWire.Answer page = new ObjectWire.Answer(transport.send(request), "legacy dashboards page");
      List<JsonNode> results = page.items("results", false);
      long count = page.count("count");
      JsonNode answered = page.json.get("page_size");
      // A server that holds pages smaller than asked says so in page_size; its pages are then that size.
      long size = answered != null && answered.canConvertToLong() && answered.asLong() > 0
          ? Math.min(answered.asLong(), LEGACY_PAGE_SIZE) : LEGACY_PAGE_SIZE;
      read(WorkspaceObject.Kind.DASHBOARD, results, page, out);
      if (results.size() < size || number * size >= count) {
        return out;
      }
    }
  }

  private static List<WorkspaceObject> read(WorkspaceObject.Kind kind, List<JsonNode> items, ObjectWire.Answer answer,
      List<WorkspaceObject> out) {
    for (int i = 0; i < items.size(); i++) {
      out.add(ObjectWire.read(kind, items.get(i), i, answer));
    }
    return out;
  }

  @Override
  public WorkspaceObject details(WorkspaceObject object) {
    Objects.requireNonNull(object, "object");
    if (!WorkspaceObjectsApi.hasDetails(object.kind())) {
      throw new IllegalArgumentException("no details call exists for " + object.kind().label(2));
    }
    if (object.kind() == WorkspaceObject.Kind.JOB) {
      ScimRequest request = ScimRequest.of("GET", "/api/2.2/jobs/get", OperationClass.GET)
          .withQuery("job_id", object.id());
      ObjectWire.Answer job = new ObjectWire.Answer(transport.send(request), "job");
      String runAs = ObjectWire.text(job.json, "run_as_user_name");
      if (runAs == null) {
        // Omitted when the run-as user was deleted: the list's settings.run_as is all there is.
        return object;
      }
      return withTies(object, ObjectTie.Role.RUN_AS, ObjectWire.ties(ObjectTie.Role.RUN_AS, runAs));
    }
    ScimRequest request = ScimRequest.of("GET",
        "/api/2.0/permissions/dashboards/" + ScimRequest.pathSegment(object.id()), OperationClass.GET);
    ObjectWire.Answer permissions = new ObjectWire.Answer(transport.send(request), "dashboard permissions");
    List<ObjectTie> managers = new ArrayList<>();
    for (JsonNode entry : permissions.items("access_control_list", false)) {
      String user = ObjectWire.text(entry, "user_name");
      String principal = user != null ? user : ObjectWire.text(entry, "service_principal_name");
      if (principal != null && managesDirectly(entry)) {
        managers.add(ObjectTie.of(ObjectTie.Role.MANAGER, principal));
      }
    }
    return withTies(object, ObjectTie.Role.MANAGER, managers);
  }

  private static boolean managesDirectly(JsonNode entry) {
    for (JsonNode permission : entry.path("all_permissions")) {
      if ("CAN_MANAGE".equals(ObjectWire.text(permission, "permission_level"))
          && !permission.path("inherited").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the object with its ties of a role replaced by the given ones. */
  private static WorkspaceObject withTies(WorkspaceObject object, ObjectTie.Role role, List<ObjectTie> ties) {
    List<ObjectTie> kept = new ArrayList<>();
    for (ObjectTie tie : object.ties()) {
      if (tie.role() != role) {
        kept.add(tie);
      }
    }
    kept.addAll(ties);
    return WorkspaceObject.builder().from(object).ties(kept).build();
  }
}
