package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.testkit.FakePrincipal;
import dev.dbscim.testkit.internal.FakeStore.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workspace objects of one fake store: jobs, clusters, SQL warehouses, queries, alerts, legacy and Lakeview
 * dashboards, notebooks and directories with their permissions (grants held by principal id, shown by current name),
 * and personal access tokens. Every method locks the store, so the store's hooks (a user deleted or deactivated) and
 * requests see one consistent state; the objects go with the store on a reset.
 *
 * <p>Shapes follow the official Databricks Java SDK's types ( {@code iam/PermissionsImpl},
 * {@code jobs/BaseJob}, {@code compute/ClusterDetails}, {@code sql/EndpointInfo}, {@code settings/TokenInfo}, ...).
 */
public final class FakeWorkspaceObjects {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String IS_OWNER = "IS_OWNER";
  private static final String CAN_MANAGE = "CAN_MANAGE";
  private static final String[] SQL_LEVELS = {"CAN_READ", "CAN_RUN", "CAN_EDIT", CAN_MANAGE};

  /** An object type of {@code /api/2.0/permissions/{type}/{id}}, with its levels from weakest to strongest. */
  enum Type {
    JOBS("jobs", "job", "/jobs/", "/jobs/", "CAN_VIEW", "CAN_MANAGE_RUN", CAN_MANAGE, IS_OWNER),
    CLUSTERS("clusters", "cluster", "/clusters/", "/clusters/", "CAN_ATTACH_TO", "CAN_RESTART", CAN_MANAGE),
    WAREHOUSES("sql/warehouses", "warehouses", "/sql/warehouses/", "/sql/warehouses/", "CAN_VIEW", "CAN_USE",
        "CAN_MONITOR", CAN_MANAGE, IS_OWNER),
    QUERIES("sql/queries", "query", "/sql/queries/", "/sql/queries/", SQL_LEVELS),
    ALERTS("sql/alerts", "alert", "/sql/alerts/", "/sql/alerts/", SQL_LEVELS),
    LEGACY_DASHBOARDS("dbsql-dashboards", "dashboard", "/dashboards/", "/dashboards/", SQL_LEVELS),
    DASHBOARDS("dashboards", "dashboard", "/dashboards/", "/dashboards/", SQL_LEVELS),
    NOTEBOOKS("notebooks", "notebook", "/notebooks/", "/directories/", SQL_LEVELS),
    DIRECTORIES("directories", "directory", "/directories/", "/directories/", SQL_LEVELS);

    final String path;
    final String objectType;
    final String idPrefix;
    final String root;
    final List<String> levels;

    Type(String path, String objectType, String idPrefix, String root, String... levels) {
      this.path = path;
      this.objectType = objectType;
      this.idPrefix = idPrefix;
      this.root = root;
      this.levels = Collections.unmodifiableList(Arrays.asList(levels));
    }

    boolean owned() {
      return levels.contains(IS_OWNER);
    }

    /** Reads a request type, accepting the JSDK spellings next to the Terraform ones (doc section 2.2, INFERRED). */
    static Optional<Type> parse(String text) {
      switch (text) {
        case "warehouses":
          return Optional.of(WAREHOUSES);
        case "queries":
          return Optional.of(QUERIES);
        case "alerts":
          return Optional.of(ALERTS);
        case "sql/dashboards":
          return Optional.of(LEGACY_DASHBOARDS);
        default:
          for (Type type : values()) {
            if (type.path.equals(text)) {
              return Optional.of(type);
            }
          }
          return Optional.empty();
      }
    }
  }

  /** One object. Fields a kind does not have stay null. */
  static final class Obj {
    final Type type;
    final String id;
    final long created;
    String name;
    /** The creator's user name; null once the creator was deleted. */
    String creator;
    String creatorId;
    String runAs;
    String runAsId;
    boolean runAsServicePrincipal;
    boolean runAsExplicit;
    boolean runAsDeleted;
    /** {@code schedule}, {@code continuous} or null. */
    String trigger;
    String state;
    String singleUser;
    String owner;
    String ownerId;
    String ownerDisplay;
    boolean runAsOwner;
    boolean published;
    LinkedHashMap<String, String> acl = new LinkedHashMap<>();

    Obj(Type type, String id, long created) {
      this.type = type;
      this.id = id;
      this.created = created;
    }
  }

  /** One personal access token. */
  static final class Token {
    final String id;
    final String value;
    final String ownerId;
    final String ownerName;
    final String comment;
    final long created;
    /** Epoch ms, or -1 for a token that never expires. */
    final long expiry;

    Token(String id, String value, String ownerId, String ownerName, String comment, long created, long expiry) {
      this.id = id;
      this.value = value;
      this.ownerId = ownerId;
      this.ownerName = ownerName;
      this.comment = comment;
      this.created = created;
      this.expiry = expiry;
    }
  }

  /** The objects of one workspace. */
  private static final class Space {
    final LinkedHashMap<String, Obj> objects = new LinkedHashMap<>();
    final LinkedHashMap<String, Token> tokens = new LinkedHashMap<>();
    /** Permission migrations already started, as {@code fromId>toId}. */
    final Set<String> migrations = new HashSet<>();
  }

  private final FakeStore store;
  private final Map<Long, Space> spaces = new HashMap<>();
  private long serial;

  FakeWorkspaceObjects(FakeStore store) {
    this.store = store;
  }

  private Space space(long workspaceId) {
    if (!store.hasWorkspace(workspaceId)) {
      throw new IllegalArgumentException("the fake has no workspace " + workspaceId);
    }
    return spaces.computeIfAbsent(workspaceId, id -> new Space());
  }

  private static String key(Type type, String id) {
    return type.name() + ":" + id;
  }

  private long now() {
    return store.clock().millis();
  }

  private String userId(long workspaceId, String userName) {
    return store.visibleIdByName(workspaceId, Kind.USER, userName).orElseThrow(
        () -> new IllegalArgumentException("workspace " + workspaceId + " has no user " + userName));
  }

  private Obj add(long workspaceId, Type type, String id, String name) {
    Obj obj = new Obj(type, id, now());
    obj.name = name;
    space(workspaceId).objects.put(key(type, id), obj);
    return obj;
  }

  private String hex(int length) {
    serial++;
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%016x", serial * 0x9E3779B97F4A7C15L));
    while (out.length() < length) {
      out.append(String.format(Locale.ROOT, "%016x", (serial + out.length()) * 0xC2B2AE3D27D4EB4FL));
    }
    return out.substring(0, length);
  }

  // ---------------------------------------------------------------------------------------------------- seeding

  /**
   * Seeds a job: the creator holds {@code IS_OWNER} and is the run-as identity unless {@code runAs} names another
   * user (or a service principal by application id).
   *
   * @param workspaceId the workspace
   * @param creator the creator's user name
   * @param name the job name
   * @param trigger {@code schedule}, {@code continuous} or {@code null}
   * @param runAs the run-as user name or application id, or {@code null} for the creator
   * @return the job id
   */
  public long addJob(long workspaceId, String creator, String name, String trigger, String runAs) {
    synchronized (store) {
      String creatorId = userId(workspaceId, creator);
      serial++;
      long jobId = serial;
      Obj job = add(workspaceId, Type.JOBS, Long.toString(jobId), name);
      job.creator = creator.toLowerCase(Locale.ROOT);
      job.creatorId = creatorId;
      job.trigger = trigger;
      if (runAs == null) {
        job.runAs = job.creator;
        job.runAsId = creatorId;
      } else {
        Optional<String> user = store.visibleIdByName(workspaceId, Kind.USER, runAs);
        Optional<String> sp = user.isPresent() ? Optional.empty()
            : store.visibleIdByName(workspaceId, Kind.SERVICE_PRINCIPAL, runAs);
        if (!user.isPresent() && !sp.isPresent()) {
          throw new IllegalArgumentException("workspace " + workspaceId + " has no user or service principal "
              + runAs);
        }
        job.runAs = user.isPresent() ? runAs.toLowerCase(Locale.ROOT) : runAs;
        job.runAsId = user.orElseGet(sp::get);
        job.runAsServicePrincipal = !user.isPresent();
        job.runAsExplicit = true;
      }
      job.acl.put(creatorId, IS_OWNER);
      return jobId;
    }
  }

  /**
   * Seeds a running cluster; the creator holds {@code CAN_MANAGE}.
   *
   * @param workspaceId the workspace
   * @param creator the creator's user name
   * @param name the cluster name
   * @param singleUser the single user of a {@code SINGLE_USER} cluster, or {@code null} for {@code USER_ISOLATION}
   * @return the cluster id
   */
  public String addCluster(long workspaceId, String creator, String name, String singleUser) {
    synchronized (store) {
      String creatorId = userId(workspaceId, creator);
      if (singleUser != null) {
        userId(workspaceId, singleUser);
      }
      String digits = String.format(Locale.ROOT, "%06d", serial + 1);
      String id = "0101-" + digits + "-" + hex(8);
      Obj cluster = add(workspaceId, Type.CLUSTERS, id, name);
      cluster.creator = creator.toLowerCase(Locale.ROOT);
      cluster.creatorId = creatorId;
      cluster.state = "RUNNING";
      cluster.singleUser = singleUser == null ? null : singleUser.toLowerCase(Locale.ROOT);
      cluster.acl.put(creatorId, CAN_MANAGE);
      return id;
    }
  }

  /**
   * Seeds a running SQL warehouse; the creator holds {@code IS_OWNER}.
   *
   * @param workspaceId the workspace
   * @param creator the creator's user name
   * @param name the warehouse name
   * @return the warehouse id
   */
  public String addWarehouse(long workspaceId, String creator, String name) {
    synchronized (store) {
      String creatorId = userId(workspaceId, creator);
      String id = hex(16);
      Obj warehouse = add(workspaceId, Type.WAREHOUSES, id, name);
      warehouse.creator = creator.toLowerCase(Locale.ROOT);
      warehouse.creatorId = creatorId;
      warehouse.state = "RUNNING";
      warehouse.acl.put(creatorId, IS_OWNER);
      return id;
    }
  }

  /**
   * Seeds a SQL object with an owner field (query, alert, legacy dashboard) or a Lakeview dashboard (ownership only
   * as {@code CAN_MANAGE}); the owner holds {@code CAN_MANAGE}.
   *
   * @param workspaceId the workspace
   * @param typePath {@code sql/queries}, {@code sql/alerts}, {@code dbsql-dashboards} or {@code dashboards}
   * @param owner the owner's user name
   * @param name the name
   * @param flag run as owner (queries) or published with embedded credentials (Lakeview); ignored otherwise
   * @return the id
   */
  public String addSqlObject(long workspaceId, String typePath, String owner, String name, boolean flag) {
    synchronized (store) {
      Type type = Type.parse(typePath).orElseThrow(() -> new IllegalArgumentException("unknown type " + typePath));
      String ownerId = userId(workspaceId, owner);
      String id = type == Type.DASHBOARDS ? hex(32) : uuid();
      Obj obj = add(workspaceId, type, id, name);
      obj.owner = owner.toLowerCase(Locale.ROOT);
      obj.ownerId = ownerId;
      obj.ownerDisplay = store.displayOf(ownerId).orElse(obj.owner);
      obj.runAsOwner = type == Type.QUERIES && flag;
      obj.published = type == Type.DASHBOARDS && flag;
      obj.acl.put(ownerId, CAN_MANAGE);
      return id;
    }
  }

  private String uuid() {
    String hex = hex(32);
    return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20)).toString();
  }

  /**
   * Seeds a personal access token of a user.
   *
   * @param workspaceId the workspace
   * @param owner the owner's user name
   * @param comment the comment
   * @param lifetime how long it stays valid, or {@code null} for a token that never expires
   * @return the token id and the secret value
   */
  public String[] addToken(long workspaceId, String owner, String comment, Duration lifetime) {
    synchronized (store) {
      String ownerId = userId(workspaceId, owner);
      String id = hex(64);
      String value = "dapi" + UUID.randomUUID().toString().replace("-", "");
      long created = now();
      long expiry = lifetime == null ? -1 : created + lifetime.toMillis();
      space(workspaceId).tokens.put(value,
          new Token(id, value, ownerId, owner.toLowerCase(Locale.ROOT), comment, created, expiry));
      return new String[] {id, value};
    }
  }

  /**
   * Grants a level on an object without HTTP, with the API's rules. Notebooks and directories need no seeding: a
   * grant on one creates it.
   *
   * @param workspaceId the workspace
   * @param typePath the request object type, such as {@code jobs}
   * @param id the object id
   * @param principal the principal
   * @param level the level
   */
  public void grant(long workspaceId, String typePath, String id, FakePrincipal principal, String level) {
    synchronized (store) {
      Type type = Type.parse(typePath).orElseThrow(() -> new IllegalArgumentException("unknown type " + typePath));
      Obj obj = space(workspaceId).objects.get(key(type, id));
      if (obj == null && (type == Type.NOTEBOOKS || type == Type.DIRECTORIES)) {
        obj = add(workspaceId, type, id, id);
      }
      if (obj == null) {
        throw new IllegalArgumentException("workspace " + workspaceId + " has no " + typePath + " " + id);
      }
      ArrayNode list = NODES.arrayNode();
      list.addObject().put(principal.kind().field(), principal.name()).put("permission_level", level);
      try {
        apply(workspaceId, obj, list, false, null);
      } catch (FakeFailure refused) {
        throw new IllegalArgumentException(refused.getMessage());
      }
    }
  }

  /**
   * Returns the direct grants on an object by current principal name.
   *
   * @param workspaceId the workspace
   * @param typePath the request object type
   * @param id the object id
   * @return the grants, in order
   */
  public Map<FakePrincipal, String> grants(long workspaceId, String typePath, String id) {
    synchronized (store) {
      Type type = Type.parse(typePath).orElseThrow(() -> new IllegalArgumentException("unknown type " + typePath));
      Obj obj = space(workspaceId).objects.get(key(type, id));
      if (obj == null) {
        throw new IllegalArgumentException("workspace " + workspaceId + " has no " + typePath + " " + id);
      }
      Map<FakePrincipal, String> grants = new LinkedHashMap<>();
      for (Map.Entry<String, String> grant : obj.acl.entrySet()) {
        principal(grant.getKey()).ifPresent(p -> grants.put(p, grant.getValue()));
      }
      return grants;
    }
  }

  private Optional<FakePrincipal> principal(String id) {
    Optional<Kind> kind = store.kindOf(id);
    Optional<String> name = store.nameOf(id);
    if (!kind.isPresent() || !name.isPresent()) {
      return Optional.empty();
    }
    switch (kind.get()) {
      case USER:
        return Optional.of(FakePrincipal.user(name.get()));
      case GROUP:
        return Optional.of(FakePrincipal.group(name.get()));
      default:
        return Optional.of(FakePrincipal.servicePrincipal(name.get()));
    }
  }

  /**
   * Returns whether the next run of a job would fail: its run-as user was deleted.
   *
   * @param workspaceId the workspace
   * @param jobId the job id
   * @return whether it would fail
   */
  public boolean nextRunFails(long workspaceId, long jobId) {
    synchronized (store) {
      return require(workspaceId, Type.JOBS, Long.toString(jobId)).runAsDeleted;
    }
  }

  /**
   * Returns the state of a cluster, such as {@code RUNNING} or {@code TERMINATED}.
   *
   * @param workspaceId the workspace
   * @param clusterId the cluster id
   * @return the state
   */
  public String clusterState(long workspaceId, String clusterId) {
    synchronized (store) {
      return require(workspaceId, Type.CLUSTERS, clusterId).state;
    }
  }

  private Obj require(long workspaceId, Type type, String id) {
    Obj obj = space(workspaceId).objects.get(key(type, id));
    if (obj == null) {
      throw new IllegalArgumentException("workspace " + workspaceId + " has no " + type.path + " " + id);
    }
    return obj;
  }

  // ---------------------------------------------------------------------------------------------------- consequences

  /**
   * Applies a user's deletion to the workspaces it reaches: its tokens are deleted, its grants (IS_OWNER included)
   * dropped, {@code creator_user_name} of its jobs and clusters omitted, its clusters terminated, its alerts' owner
   * shown as {@code Unavailable}, and jobs running as it fail from the next run on.
   *
   * @param workspaceIds the workspaces reached
   * @param userId the user id
   * @param userName the user name
   */
  void userDeleted(List<Long> workspaceIds, String userId, String userName) {
    for (long workspaceId : workspaceIds) {
      Space space = spaces.get(workspaceId);
      if (space == null) {
        continue;
      }
      space.tokens.values().removeIf(token -> token.ownerId.equals(userId));
      for (Obj obj : space.objects.values()) {
        obj.acl.remove(userId);
        if (userId.equals(obj.creatorId)) {
          obj.creator = null;
          if (obj.type == Type.CLUSTERS) {
            obj.state = "TERMINATED";
          }
        }
        if (userId.equals(obj.runAsId)) {
          obj.runAsDeleted = true;
        }
        if (obj.type == Type.ALERTS && userId.equals(obj.ownerId)) {
          obj.owner = "Unavailable";
        }
      }
    }
  }

  /**
   * Applies a user's deactivation: its clusters stop; its tokens are refused (checked when used); the rest stays.
   *
   * @param workspaceIds the workspaces reached
   * @param userId the user id
   * @param userName the user name
   */
  void userDeactivated(List<Long> workspaceIds, String userId, String userName) {
    for (long workspaceId : workspaceIds) {
      Space space = spaces.get(workspaceId);
      if (space == null) {
        continue;
      }
      for (Obj obj : space.objects.values()) {
        if (obj.type == Type.CLUSTERS && userId.equals(obj.creatorId)) {
          obj.state = "TERMINATED";
        }
      }
    }
  }

  /**
   * Returns who a seeded token authenticates as on a workspace: its owner while the owner is active, the workspace
   * sees it and the token has not expired; admin when the owner is in the workspace's {@code admins} group.
   *
   * @param token the bearer token
   * @param workspaceId the workspace of the host
   * @return the caller, or empty when the token does not work here
   */
  public Optional<FakeEngine.Caller> tokenCaller(String token, long workspaceId) {
    synchronized (store) {
      Space space = spaces.get(workspaceId);
      Token found = space == null ? null : space.tokens.get(token);
      if (found == null || (found.expiry >= 0 && now() >= found.expiry) || !store.active(found.ownerId)
          || !store.visibleIn(found.ownerId, workspaceId)) {
        return Optional.empty();
      }
      Optional<String> admins = store.idByName(workspaceId, Kind.GROUP, FakeBuiltins.ADMINS);
      boolean admin = admins.isPresent() && store.memberOf(found.ownerId, admins.get());
      return Optional.of(new FakeEngine.Caller(workspaceId, found.ownerId, admin));
    }
  }

  // ---------------------------------------------------------------------------------------------------- permissions

  /**
   * Answers {@code GET /api/2.0/permissions/{type}/{id}}.
   *
   * @param workspaceId the workspace
   * @param typePath the request object type
   * @param id the object id
   * @param caller the caller
   * @return the {@code ObjectPermissions} JSON
   */
  ObjectNode permissions(long workspaceId, String typePath, String id, FakeEngine.Caller caller) {
    synchronized (store) {
      Obj obj = find(workspaceId, typePath, id);
      requireManage(workspaceId, obj, caller);
      return render(obj);
    }
  }

  /**
   * Answers {@code GET /api/2.0/permissions/{type}/{id}/permissionLevels}.
   *
   * @param workspaceId the workspace
   * @param typePath the request object type
   * @param id the object id
   * @param caller the caller
   * @return the {@code permission_levels} JSON
   */
  ObjectNode permissionLevels(long workspaceId, String typePath, String id, FakeEngine.Caller caller) {
    synchronized (store) {
      Obj obj = find(workspaceId, typePath, id);
      requireManage(workspaceId, obj, caller);
      ObjectNode out = NODES.objectNode();
      ArrayNode levels = out.putArray("permission_levels");
      for (String level : obj.type.levels) {
        levels.addObject().put("permission_level", level).put("description", "Permission " + level + ".");
      }
      return out;
    }
  }

  /**
   * Answers {@code PUT} ({@code replace}) or {@code PATCH} of {@code /api/2.0/permissions/{type}/{id}}.
   *
   * @param workspaceId the workspace
   * @param typePath the request object type
   * @param id the object id
   * @param body the request body
   * @param replace whether this is a PUT
   * @param caller the caller
   * @return the resulting {@code ObjectPermissions} JSON
   */
  ObjectNode update(long workspaceId, String typePath, String id, JsonNode body, boolean replace,
      FakeEngine.Caller caller) {
    synchronized (store) {
      Obj obj = find(workspaceId, typePath, id);
      requireManage(workspaceId, obj, caller);
      JsonNode list = body.get("access_control_list");
      if (list == null || list.isNull()) {
        list = NODES.arrayNode();
      }
      if (!list.isArray()) {
        throw invalid("access_control_list must be an array.");
      }
      apply(workspaceId, obj, list, replace, caller.userId);
      return render(obj);
    }
  }

  private Obj find(long workspaceId, String typePath, String id) {
    Type type = Type.parse(typePath)
        .orElseThrow(() -> invalid("Unknown or unsupported request_object_type: " + typePath + "."));
    Obj obj = space(workspaceId).objects.get(key(type, id));
    if (obj != null) {
      return obj;
    }
    switch (type) {
      case JOBS:
        throw invalid("Job " + id + " does not exist.");
      case CLUSTERS:
        throw invalid("Cluster " + id + " does not exist.");
      default:
        throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", type.objectType + " " + id + " does not exist.");
    }
  }

  private static FakeFailure invalid(String message) {
    return FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", message);
  }

  private void requireManage(long workspaceId, Obj obj, FakeEngine.Caller caller) {
    if (caller.admin) {
      return;
    }
    for (Map.Entry<String, String> grant : obj.acl.entrySet()) {
      boolean manages = grant.getValue().equals(CAN_MANAGE) || grant.getValue().equals(IS_OWNER);
      if (manages && (grant.getKey().equals(caller.userId) || (store.kindOf(grant.getKey()).orElse(null) == Kind.GROUP
          && store.memberOf(caller.userId, grant.getKey())))) {
        return;
      }
    }
    throw FakeFailure.platform(403, "PERMISSION_DENIED",
        "User does not have CAN_MANAGE permission on " + obj.type.idPrefix + obj.id + ".");
  }

  /** Applies an access control list with the API's rules; {@code callerId} becomes owner on a PUT without one. */
  private void apply(long workspaceId, Obj obj, JsonNode list, boolean replace, String callerId) {
    LinkedHashMap<String, String> requested = new LinkedHashMap<>();
    String newOwner = null;
    for (JsonNode entry : list) {
      FakePrincipal principal = principalOf(entry);
      String level = entry.path("permission_level").asText("");
      if (!obj.type.levels.contains(level)) {
        throw invalid("Permission level '" + level + "' is not supported for " + obj.type.path + "; use one of "
            + obj.type.levels + ".");
      }
      Kind kind = principal.kind() == FakePrincipal.Kind.USER ? Kind.USER
          : principal.kind() == FakePrincipal.Kind.GROUP ? Kind.GROUP : Kind.SERVICE_PRINCIPAL;
      if (kind == Kind.GROUP && principal.name().equals(FakeBuiltins.ADMINS)) {
        if (!level.equals(CAN_MANAGE)) {
          throw invalid("The permissions of group admins cannot be changed: it always has CAN_MANAGE.");
        }
        continue;
      }
      String id = store.visibleIdByName(workspaceId, kind, principal.name())
          .orElseThrow(() -> invalid("Principal: " + label(principal) + " does not exist"));
      if (level.equals(IS_OWNER)) {
        if (kind == Kind.GROUP) {
          throw invalid("Group " + principal.name() + " cannot be the owner: IS_OWNER goes to a user or a service "
              + "principal.");
        }
        if (newOwner != null && !newOwner.equals(id)) {
          throw invalid("An object can have only one owner (IS_OWNER).");
        }
        newOwner = id;
      }
      requested.put(id, level);
    }
    String oldOwner = null;
    for (Map.Entry<String, String> grant : obj.acl.entrySet()) {
      if (grant.getValue().equals(IS_OWNER)) {
        oldOwner = grant.getKey();
      }
    }
    LinkedHashMap<String, String> acl = replace ? new LinkedHashMap<>() : new LinkedHashMap<>(obj.acl);
    if (!replace && newOwner != null && oldOwner != null && !oldOwner.equals(newOwner)
        && !requested.containsKey(oldOwner)) {
      acl.put(oldOwner, CAN_MANAGE);
    }
    acl.putAll(requested);
    if (replace && obj.type.owned() && newOwner == null && callerId != null) {
      acl.put(callerId, IS_OWNER);
    }
    obj.acl = acl;
  }

  private static FakePrincipal principalOf(JsonNode entry) {
    List<FakePrincipal> named = new ArrayList<>();
    if (entry.hasNonNull("user_name")) {
      named.add(FakePrincipal.user(entry.get("user_name").asText()));
    }
    if (entry.hasNonNull("group_name")) {
      named.add(FakePrincipal.group(entry.get("group_name").asText()));
    }
    if (entry.hasNonNull("service_principal_name")) {
      named.add(FakePrincipal.servicePrincipal(entry.get("service_principal_name").asText()));
    }
    if (named.size() != 1) {
      throw invalid("Each access control entry needs exactly one of user_name, group_name or "
          + "service_principal_name.");
    }
    return named.get(0);
  }

  private static String label(FakePrincipal principal) {
    switch (principal.kind()) {
      case USER:
        return "UserName(" + principal.name() + ")";
      case GROUP:
        return "GroupName(" + principal.name() + ")";
      default:
        return "ServicePrincipalName(" + principal.name() + ")";
    }
  }

  private ObjectNode render(Obj obj) {
    ObjectNode out = NODES.objectNode();
    out.put("object_id", obj.type.idPrefix + obj.id);
    out.put("object_type", obj.type.objectType);
    ArrayNode list = out.putArray("access_control_list");
    for (Map.Entry<String, String> grant : obj.acl.entrySet()) {
      Optional<FakePrincipal> principal = principal(grant.getKey());
      if (!principal.isPresent()) {
        continue;
      }
      ObjectNode entry = list.addObject();
      entry.put(principal.get().kind().field(), principal.get().name());
      if (principal.get().kind() != FakePrincipal.Kind.GROUP) {
        store.displayOf(grant.getKey()).ifPresent(display -> entry.put("display_name", display));
      }
      entry.putArray("all_permissions").addObject().put("permission_level", grant.getValue()).put("inherited", false);
    }
    ObjectNode admins = list.addObject();
    admins.put("group_name", FakeBuiltins.ADMINS);
    ObjectNode inherited = admins.putArray("all_permissions").addObject();
    inherited.put("permission_level", CAN_MANAGE).put("inherited", true);
    inherited.putArray("inherited_from_object").add(obj.type.root);
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- migration

  /**
   * Answers {@code POST /api/2.0/permissionmigration}: moves up to {@code size} grants (all when absent) from a
   * workspace-local group to an account group assigned to the workspace.
   *
   * @param workspaceId the workspace of the host
   * @param body the request body
   * @return how many grants moved, 0 when none is left
   */
  long migrate(long workspaceId, JsonNode body) {
    synchronized (store) {
      JsonNode target = body.get("workspace_id");
      if (target == null || target.isNull()) {
        throw invalid("Missing required field: workspace_id");
      }
      if (!target.canConvertToLong() || target.asLong() != workspaceId) {
        throw invalid("workspace_id " + target.asText() + " is not the id of this workspace (" + workspaceId + ").");
      }
      String from = text(body, "from_workspace_group_name");
      String to = text(body, "to_account_group_name");
      long size = Long.MAX_VALUE;
      JsonNode sizeNode = body.get("size");
      if (sizeNode != null && !sizeNode.isNull()) {
        if (!sizeNode.canConvertToLong() || sizeNode.asLong() < 1) {
          throw invalid("size must be a positive integer.");
        }
        size = sizeNode.asLong();
      }
      Optional<String> fromId = store.idByName(workspaceId, Kind.GROUP, from);
      if (!fromId.isPresent()) {
        if (store.visibleIdByName(workspaceId, Kind.GROUP, from).isPresent()) {
          throw FakeFailure.platform(400, "BAD_REQUEST", "Workspace group " + from + " is not a workspace local group");
        }
        throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Workspace group " + from + " does not exist.");
      }
      String toId = store.idByName(FakeStore.ACCOUNT, Kind.GROUP, to).orElseThrow(
          () -> FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Account group " + to + " does not exist."));
      if (!store.assignedDirectly(workspaceId, toId)) {
        throw FakeFailure.platform(400, "BAD_REQUEST",
            "Account group " + to + " is not assigned to workspace " + workspaceId + ".");
      }
      Space space = space(workspaceId);
      String pair = fromId.get() + ">" + toId;
      if (!space.migrations.contains(pair)) {
        for (Obj obj : space.objects.values()) {
          if (obj.acl.containsKey(toId)) {
            throw FakeFailure.platform(400, "BAD_REQUEST", "Account group " + to + " already has permissions");
          }
        }
        space.migrations.add(pair);
      }
      long moved = 0;
      for (Iterator<Obj> it = space.objects.values().iterator(); it.hasNext() && moved < size; ) {
        Obj obj = it.next();
        String level = obj.acl.remove(fromId.get());
        if (level == null) {
          continue;
        }
        String held = obj.acl.get(toId);
        if (held == null || obj.type.levels.indexOf(level) > obj.type.levels.indexOf(held)) {
          obj.acl.put(toId, level);
        }
        moved++;
      }
      return moved;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().trim().isEmpty()) {
      throw invalid("Missing required field: " + field);
    }
    return value.asText();
  }

  // ---------------------------------------------------------------------------------------------------- reads

  /**
   * Returns the objects of a type in creation order, rendered as their list answers render them.
   *
   * @param workspaceId the workspace
   * @param typePath the type
   * @return the rendered items
   */
  List<ObjectNode> list(long workspaceId, String typePath) {
    synchronized (store) {
      Type type = Type.parse(typePath).orElseThrow(() -> new IllegalArgumentException(typePath));
      List<ObjectNode> out = new ArrayList<>();
      for (Obj obj : space(workspaceId).objects.values()) {
        if (obj.type == type) {
          out.add(render(obj, false));
        }
      }
      return out;
    }
  }

  /**
   * Returns one object as its get answer renders it (jobs add {@code run_as_user_name}, Lakeview dashboards their
   * path).
   *
   * @param workspaceId the workspace
   * @param typePath the type
   * @param id the id
   * @return the rendered object, or empty
   */
  Optional<ObjectNode> get(long workspaceId, String typePath, String id) {
    synchronized (store) {
      Type type = Type.parse(typePath).orElseThrow(() -> new IllegalArgumentException(typePath));
      Obj obj = space(workspaceId).objects.get(key(type, id));
      return obj == null ? Optional.empty() : Optional.of(render(obj, true));
    }
  }

  /**
   * Returns the published version of a Lakeview dashboard.
   *
   * @param workspaceId the workspace
   * @param id the dashboard id
   * @return the {@code PublishedDashboard} JSON, or empty when it does not exist or is not published
   */
  Optional<ObjectNode> published(long workspaceId, String id) {
    synchronized (store) {
      Obj obj = space(workspaceId).objects.get(key(Type.DASHBOARDS, id));
      if (obj == null || !obj.published) {
        return Optional.empty();
      }
      ObjectNode out = NODES.objectNode();
      out.put("display_name", obj.name);
      out.put("embed_credentials", true);
      out.put("revision_create_time", Instant.ofEpochMilli(obj.created).toString());
      return Optional.of(out);
    }
  }

  private ObjectNode render(Obj obj, boolean detailed) {
    ObjectNode out = NODES.objectNode();
    String created = Instant.ofEpochMilli(obj.created).toString();
    switch (obj.type) {
      case JOBS:
        out.put("job_id", Long.parseLong(obj.id));
        out.put("created_time", obj.created);
        if (obj.creator != null) {
          out.put("creator_user_name", obj.creator);
        }
        if (detailed && !obj.runAsDeleted) {
          out.put("run_as_user_name", obj.runAs);
        }
        ObjectNode settings = out.putObject("settings");
        settings.put("name", obj.name);
        settings.put("max_concurrent_runs", 1);
        settings.put("format", "MULTI_TASK");
        if ("schedule".equals(obj.trigger)) {
          settings.putObject("schedule").put("quartz_cron_expression", "0 15 22 ? * *").put("timezone_id", "UTC")
              .put("pause_status", "UNPAUSED");
        } else if ("continuous".equals(obj.trigger)) {
          settings.putObject("continuous").put("pause_status", "UNPAUSED");
        }
        if (obj.runAsExplicit) {
          settings.putObject("run_as").put(obj.runAsServicePrincipal ? "service_principal_name" : "user_name",
              obj.runAs);
        }
        return out;
      case CLUSTERS:
        out.put("cluster_id", obj.id);
        out.put("cluster_name", obj.name);
        if (obj.creator != null) {
          out.put("creator_user_name", obj.creator);
        }
        out.put("state", obj.state);
        out.put("spark_version", "15.4.x-scala2.12");
        out.put("num_workers", 1);
        out.put("cluster_source", "UI");
        out.put("data_security_mode", obj.singleUser == null ? "USER_ISOLATION" : "SINGLE_USER");
        if (obj.singleUser != null) {
          out.put("single_user_name", obj.singleUser);
        }
        out.put("start_time", obj.created);
        return out;
      case WAREHOUSES:
        out.put("id", obj.id);
        out.put("name", obj.name);
        out.put("creator_name", obj.creator == null ? "" : obj.creator);
        out.put("state", obj.state);
        out.put("cluster_size", "Small");
        out.put("auto_stop_mins", 10);
        return out;
      case QUERIES:
      case ALERTS:
        out.put("id", obj.id);
        out.put("display_name", obj.name);
        out.put("owner_user_name", obj.owner);
        if (obj.type == Type.QUERIES) {
          out.put("last_modifier_user_name", obj.owner);
          out.put("run_as_mode", obj.runAsOwner ? "OWNER" : "VIEWER");
        } else {
          out.put("state", "UNKNOWN");
        }
        out.put("lifecycle_state", "ACTIVE");
        out.put("create_time", created);
        out.put("update_time", created);
        return out;
      case LEGACY_DASHBOARDS:
        out.put("id", obj.id);
        out.put("name", obj.name);
        out.put("user_id", Long.parseLong(obj.ownerId));
        out.putObject("user").put("id", Long.parseLong(obj.ownerId)).put("name", obj.ownerDisplay)
            .put("email", obj.owner);
        out.put("created_at", created);
        out.put("updated_at", created);
        out.put("is_archived", false);
        out.put("is_draft", false);
        return out;
      case DASHBOARDS:
        out.put("dashboard_id", obj.id);
        out.put("display_name", obj.name);
        out.put("create_time", created);
        out.put("update_time", created);
        out.put("lifecycle_state", "ACTIVE");
        if (detailed) {
          out.put("path", "/Users/" + obj.owner + "/" + obj.name + ".lvdash.json");
          out.put("parent_path", "/Users/" + obj.owner);
        }
        return out;
      default:
        out.put("object_id", obj.id);
        out.put("object_type", obj.type.objectType.toUpperCase(Locale.ROOT));
        return out;
    }
  }

  /**
   * Returns the seeded tokens of a workspace as {@code TokenInfo} JSON, in creation order, optionally filtered by
   * creator.
   *
   * @param workspaceId the workspace
   * @param createdById the {@code created_by_id} filter, or {@code null}
   * @param createdByUsername the {@code created_by_username} filter, or {@code null}
   * @return the token infos
   */
  List<ObjectNode> tokens(long workspaceId, String createdById, String createdByUsername) {
    synchronized (store) {
      List<ObjectNode> out = new ArrayList<>();
      for (Token token : space(workspaceId).tokens.values()) {
        if ((createdById == null || createdById.equals(token.ownerId))
            && (createdByUsername == null || createdByUsername.equalsIgnoreCase(token.ownerName))) {
          out.add(tokenInfo(workspaceId, token));
        }
      }
      return out;
    }
  }

  /**
   * Returns one token as {@code TokenInfo} JSON.
   *
   * @param workspaceId the workspace
   * @param tokenId the token id
   * @return the token info, or empty
   */
  Optional<ObjectNode> token(long workspaceId, String tokenId) {
    synchronized (store) {
      for (Token token : space(workspaceId).tokens.values()) {
        if (token.id.equals(tokenId)) {
          return Optional.of(tokenInfo(workspaceId, token));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Deletes (revokes) a token.
   *
   * @param workspaceId the workspace
   * @param tokenId the token id
   * @return whether it existed
   */
  boolean deleteToken(long workspaceId, String tokenId) {
    synchronized (store) {
      return space(workspaceId).tokens.values().removeIf(token -> token.id.equals(tokenId));
    }
  }

  private static ObjectNode tokenInfo(long workspaceId, Token token) {
    ObjectNode out = NODES.objectNode();
    out.put("token_id", token.id);
    out.put("creation_time", token.created);
    out.put("expiry_time", token.expiry);
    out.put("comment", token.comment);
    out.put("created_by_id", Long.parseLong(token.ownerId));
    out.put("created_by_username", token.ownerName);
    out.put("owner_id", Long.parseLong(token.ownerId));
    out.put("workspace_id", workspaceId);
    return out;
  }
}
