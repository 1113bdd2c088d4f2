package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Serves the workspace object endpoints of a workspace host from {@link FakeWorkspaceObjects}: object permissions,
 * permission migration, token management, and the job, cluster, SQL warehouse, query, alert, legacy dashboard and
 * Lakeview dashboard reads with their paging (see {@code docs/testkit.md}, "Workspace objects and permissions").
 */
final class FakeObjectRoutes {
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Page size when a {@code page_size} list gets none (INFERRED: no source gives one). */
  static final int DEFAULT_PAGE_SIZE = 100;
  /** The largest page such a list returns (INFERRED; "the server may further constrain"). */
  static final int MAX_PAGE_SIZE = 1000;

  private FakeObjectRoutes() {}

  /**
   * Returns whether a path (segments after the host, trailing empty ones removed) belongs to these routes.
   *
   * @param segments the path segments
   * @return whether they are served here
   */
  static boolean serves(List<String> segments) {
    if (segments.size() < 3 || !segments.get(0).equals("api")) {
      return false;
    }
    switch (segments.get(2)) {
      case "permissions":
      case "permissionmigration":
      case "token-management":
      case "jobs":
      case "clusters":
      case "lakeview":
        return true;
      case "sql":
        return segments.size() >= 4 && !segments.get(3).equals("statements");
      case "preview":
        return segments.size() >= 5 && segments.get(3).equals("sql") && segments.get(4).equals("dashboards");
      default:
        return false;
    }
  }

  /**
   * Answers a request this class {@link #serves(List) serves}, for an authenticated caller.
   *
   * @param objects the objects
   * @param caller the caller
   * @param method the method
   * @param url the URL
   * @param segments the path segments
   * @param body the request body, empty when none
   * @return the 200 body
   * @throws FakeFailure for every refusal
   */
  static JsonNode answer(FakeWorkspaceObjects objects, FakeEngine.Caller caller, String method, HttpUrl url,
      List<String> segments, String body) {
    long workspace = caller.workspaceId;
    String version = segments.get(1);
    List<String> rest = segments.subList(3, segments.size());
    String path = url.encodedPath();
    switch (segments.get(2)) {
      case "permissions":
        requireVersion(version, path, method, "2.0");
        return permissions(objects, caller, method, path, rest, body);
      case "permissionmigration":
        requireVersion(version, path, method, "2.0");
        requireEnd(rest, path, method);
        allow(method, path, "POST");
        requireAdmin(caller, "Only workspace admins can migrate permissions.");
        return NODES.objectNode().put("permissions_migrated", objects.migrate(workspace, json(body)));
      case "token-management":
        requireVersion(version, path, method, "2.0");
        return tokens(objects, caller, method, url, rest);
      case "jobs":
        requireVersion(version, path, method, "2.1", "2.2");
        return jobs(objects, workspace, method, url, rest);
      case "clusters":
        requireVersion(version, path, method, "2.0", "2.1");
        return clusters(objects, workspace, method, url, rest, version);
      case "sql":
        requireVersion(version, path, method, "2.0");
        return sql(objects, workspace, method, url, rest);
      case "preview":
        requireVersion(version, path, method, "2.0");
        return legacyDashboards(objects, workspace, method, url, rest.subList(2, rest.size()));
      default:
        requireVersion(version, path, method, "2.0");
        return lakeview(objects, workspace, method, url, rest);
    }
  }

  private static JsonNode permissions(FakeWorkspaceObjects objects, FakeEngine.Caller caller, String method,
      String path, List<String> rest, String body) {
    // {type}/{id}, {type}/{id}/permissionLevels, with two-segment types such as sql/warehouses.
    boolean levels = !rest.isEmpty() && rest.get(rest.size() - 1).equals("permissionLevels");
    List<String> object = levels ? rest.subList(0, rest.size() - 1) : rest;
    if (object.size() < 2 || object.size() > 3) {
      throw noApi(method, path);
    }
    String type = String.join("/", object.subList(0, object.size() - 1));
    String id = object.get(object.size() - 1);
    if (levels) {
      allow(method, path, "GET");
      return objects.permissionLevels(caller.workspaceId, type, id, caller);
    }
    allow(method, path, "GET", "PUT", "PATCH");
    if (method.equals("GET")) {
      return objects.permissions(caller.workspaceId, type, id, caller);
    }
    return objects.update(caller.workspaceId, type, id, json(body), method.equals("PUT"), caller);
  }

  private static JsonNode tokens(FakeWorkspaceObjects objects, FakeEngine.Caller caller, String method, HttpUrl url,
      List<String> rest) {
    String path = url.encodedPath();
    if (rest.isEmpty() || !rest.get(0).equals("tokens") || rest.size() > 2) {
      throw noApi(method, path);
    }
    requireAdmin(caller, "Only Admins can access token management APIs.");
    if (rest.size() == 1) {
      allow(method, path, "GET");
      ObjectNode out = NODES.objectNode();
      ArrayNode infos = out.putArray("token_infos");
      objects.tokens(caller.workspaceId, url.queryParameter("created_by_id"),
          url.queryParameter("created_by_username")).forEach(infos::add);
      return out;
    }
    allow(method, path, "GET", "DELETE");
    String id = rest.get(1);
    if (method.equals("DELETE")) {
      if (!objects.deleteToken(caller.workspaceId, id)) {
        throw tokenMissing(id);
      }
      return NODES.objectNode();
    }
    ObjectNode info = objects.token(caller.workspaceId, id).orElseThrow(() -> tokenMissing(id));
    ObjectNode out = NODES.objectNode();
    out.set("token_info", info);
    return out;
  }

  private static FakeFailure tokenMissing(String id) {
    return FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Token with id " + id + " does not exist.");
  }

  private static JsonNode jobs(FakeWorkspaceObjects objects, long workspace, String method, HttpUrl url,
      List<String> rest) {
    String path = url.encodedPath();
    if (rest.size() != 1) {
      throw noApi(method, path);
    }
    allow(method, path, "GET");
    if (rest.get(0).equals("get")) {
      String id = requiredParameter(url, "job_id");
      return objects.get(workspace, "jobs", id)
          .orElseThrow(() -> invalid("Job " + id + " does not exist."));
    }
    if (!rest.get(0).equals("list")) {
      throw noApi(method, path);
    }
    int limit = intParameter(url, "limit", 20);
    if (limit < 1 || limit > 100) {
      throw invalid("The limit must be between 1 and 100.");
    }
    List<ObjectNode> jobs = objects.list(workspace, "jobs");
    String name = url.queryParameter("name");
    if (name != null) {
      jobs.removeIf(job -> !job.path("settings").path("name").asText().equalsIgnoreCase(name));
    }
    int from = offset(url);
    int to = Math.min(jobs.size(), from + limit);
    ObjectNode out = NODES.objectNode();
    if (from < to) {
      ArrayNode items = out.putArray("jobs");
      jobs.subList(from, to).forEach(items::add);
    }
    out.put("has_more", to < jobs.size());
    if (to < jobs.size()) {
      out.put("next_page_token", pageToken(to));
    }
    if (from > 0) {
      out.put("prev_page_token", pageToken(Math.max(0, from - limit)));
    }
    return out;
  }

  private static JsonNode clusters(FakeWorkspaceObjects objects, long workspace, String method, HttpUrl url,
      List<String> rest, String version) {
    String path = url.encodedPath();
    if (rest.size() != 1) {
      throw noApi(method, path);
    }
    allow(method, path, "GET");
    if (rest.get(0).equals("get")) {
      String id = requiredParameter(url, "cluster_id");
      return objects.get(workspace, "clusters", id)
          .orElseThrow(() -> invalid("Cluster " + id + " does not exist"));
    }
    if (!rest.get(0).equals("list")) {
      throw noApi(method, path);
    }
    List<ObjectNode> clusters = objects.list(workspace, "clusters");
    if (version.equals("2.0")) {
      // The 2.0 list has no paging: one answer with every cluster.
      ObjectNode out = NODES.objectNode();
      ArrayNode items = out.putArray("clusters");
      clusters.forEach(items::add);
      return out;
    }
    ObjectNode out = tokenPage(clusters, url, "clusters");
    if (!out.has("next_page_token")) {
      out.put("next_page_token", "");
    }
    if (!out.has("prev_page_token")) {
      out.put("prev_page_token", "");
    }
    return out;
  }

  private static JsonNode sql(FakeWorkspaceObjects objects, long workspace, String method, HttpUrl url,
      List<String> rest) {
    String path = url.encodedPath();
    String field;
    String type;
    switch (rest.get(0)) {
      case "warehouses":
        field = "warehouses";
        type = "sql/warehouses";
        break;
      case "queries":
        field = "results";
        type = "sql/queries";
        break;
      case "alerts":
        field = "results";
        type = "sql/alerts";
        break;
      default:
        throw noApi(method, path);
    }
    allow(method, path, "GET");
    if (rest.size() == 1) {
      return tokenPage(objects.list(workspace, type), url, field);
    }
    if (rest.size() == 2) {
      return objects.get(workspace, type, rest.get(1)).orElseThrow(() -> FakeFailure.platform(404,
          "RESOURCE_DOES_NOT_EXIST", "Unable to find " + rest.get(0) + " object " + rest.get(1) + "."));
    }
    throw noApi(method, path);
  }

  private static JsonNode legacyDashboards(FakeWorkspaceObjects objects, long workspace, String method, HttpUrl url,
      List<String> rest) {
    String path = url.encodedPath();
    allow(method, path, "GET");
    if (rest.size() == 1) {
      return objects.get(workspace, "dbsql-dashboards", rest.get(0)).orElseThrow(() -> FakeFailure.platform(404,
          "RESOURCE_DOES_NOT_EXIST", "Dashboard " + rest.get(0) + " does not exist."));
    }
    if (!rest.isEmpty()) {
      throw noApi(method, path);
    }
    // The legacy list pages by number: page from 1, page_size 25 by default and at most 250 (INFERRED).
    int page = intParameter(url, "page", 1);
    int size = intParameter(url, "page_size", 25);
    if (page < 1 || size < 1 || size > 250) {
      throw invalid("page must be at least 1 and page_size from 1 to 250.");
    }
    List<ObjectNode> all = objects.list(workspace, "dbsql-dashboards");
    ObjectNode out = NODES.objectNode();
    out.put("count", all.size());
    out.put("page", page);
    out.put("page_size", size);
    ArrayNode results = out.putArray("results");
    long from = (long) (page - 1) * size;
    for (long i = from; i < Math.min(all.size(), from + size); i++) {
      results.add(all.get((int) i));
    }
    return out;
  }

  private static JsonNode lakeview(FakeWorkspaceObjects objects, long workspace, String method, HttpUrl url,
      List<String> rest) {
    String path = url.encodedPath();
    if (rest.isEmpty() || !rest.get(0).equals("dashboards") || rest.size() > 3) {
      throw noApi(method, path);
    }
    allow(method, path, "GET");
    if (rest.size() == 1) {
      return tokenPage(objects.list(workspace, "dashboards"), url, "dashboards");
    }
    String id = rest.get(1);
    if (rest.size() == 2) {
      return objects.get(workspace, "dashboards", id).orElseThrow(() -> dashboardMissing(id));
    }
    if (!rest.get(2).equals("published")) {
      throw noApi(method, path);
    }
    return objects.published(workspace, id).orElseThrow(() -> dashboardMissing(id));
  }

  private static FakeFailure dashboardMissing(String id) {
    return FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Unable to find dashboard " + id + ".");
  }

  /** A {@code page_size}/{@code page_token} page: {@code {field:[...], "next_page_token":..}} (token when more). */
  private static ObjectNode tokenPage(List<ObjectNode> items, HttpUrl url, String field) {
    int size = intParameter(url, "page_size", 0);
    if (size < 0) {
      throw invalid("page_size must not be negative.");
    }
    size = size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    int from = offset(url);
    int to = Math.min(items.size(), from + size);
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray(field);
    for (int i = from; i < to; i++) {
      array.add(items.get(i));
    }
    if (to < items.size()) {
      out.put("next_page_token", pageToken(to));
    }
    if (from > 0) {
      out.put("prev_page_token", pageToken(Math.max(0, from - size)));
    }
    return out;
  }

  private static String pageToken(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(HttpUrl url) {
    String token = url.queryParameter("page_token");
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        int offset = Integer.parseInt(text.substring(7));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw invalid("Invalid page token.");
  }

  private static int intParameter(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    if (value == null || value.trim().isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid("Invalid value for " + name + ": " + value);
    }
  }

  private static String requiredParameter(HttpUrl url, String name) {
    String value = url.queryParameter(name);
    if (value == null || value.trim().isEmpty()) {
      throw invalid("Missing required field: " + name);
    }
    return value.trim();
  }

  private static JsonNode json(String body) {
    try {
      JsonNode tree = body.isEmpty() ? null : MAPPER.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw FakeFailure.platform(400, "MALFORMED_REQUEST", "The request body must be a JSON object.");
      }
      return tree;
    } catch (IOException e) {
      throw FakeFailure.platform(400, "MALFORMED_REQUEST", "The request body is not valid JSON.");
    }
  }

  private static void requireAdmin(FakeEngine.Caller caller, String message) {
    if (!caller.admin) {
      throw FakeFailure.platform(403, "PERMISSION_DENIED", message);
    }
  }

  private static void requireVersion(String version, String path, String method, String... versions) {
    if (!Arrays.asList(versions).contains(version)) {
      throw noApi(method, path);
    }
  }

  private static void requireEnd(List<String> rest, String path, String method) {
    if (!rest.isEmpty()) {
      throw noApi(method, path);
    }
  }

  private static void allow(String method, String path, String... allowed) {
    if (!Arrays.asList(allowed).contains(method)) {
      throw FakeFailure.platform(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed for '" + path + "'");
    }
  }

  private static FakeFailure invalid(String message) {
    return FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", message);
  }

  private static FakeFailure noApi(String method, String path) {
    return FakeFailure.platform(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'");
  }
}
