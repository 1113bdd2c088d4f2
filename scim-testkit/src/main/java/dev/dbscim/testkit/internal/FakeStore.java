package dev.dbscim.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.patch.PatchApplier;
import dev.dbscim.core.patch.PatchException;
import dev.dbscim.core.patch.PatchOperation;
import dev.dbscim.core.patch.PatchRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The fake's identity model: account principals, workspace-local principals, group memberships and workspace
 * assignments, with the Databricks rules for visibility, uniqueness, limits and cascades. Every public method is
 * synchronized on the store; the {@code ObjectNode}s returned are fresh trees the caller may change.
 *
 * <p>A <em>scope</em> is {@link #ACCOUNT} (the account API and its workspace-domain proxy) or a workspace id (the
 * workspace API). Account principals are shared by every scope that sees them; {@code entitlements} and {@code roles}
 * are kept per scope, since Databricks manages entitlements per workspace.
 *
 * <p>Reads served over HTTP go through {@link #rendered(long, Kind, String)} and {@link #listRendered(long, Kind,
 * boolean)}, which cache each resource's tree and JSON bytes per scope until the next change. A resource's rendering
 * depends on other principals (group names in {@code groups}, member display names, assignments), so the cache is
 * dropped as a whole on any change: <strong>every method that changes state must call {@link #changed()}</strong>.
 */
public final class FakeStore {
  /** The account scope. */
  public static final long ACCOUNT = 0L;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String UNPARSABLE = "Request is unparsable, syntactically incorrect, or violates schema.";
  private static final Set<String> NOT_STORED =
      new HashSet<>(Arrays.asList("id", "meta", "schemas", "groups", "members", "entitlements", "roles", "password"));
  private static final List<String> CANONICAL =
      Arrays.asList("userName", "displayName", "externalId", "applicationId", "active", "name", "emails");
  /**
   * The attributes Databricks documents for each kind, apart from {@link #NOT_STORED}: the fields of the SDKs'
   * {@code User}, {@code Group} and {@code ServicePrincipal} models and of the API reference's objects.
   */
  private static final Map<Kind, List<String>> STORED = new EnumMap<>(Kind.class);
  /** The documented sub-attributes of the complex attributes in {@link #STORED}. */
  private static final Map<String, List<String>> SUB_ATTRIBUTES = new HashMap<>();

  static {
    STORED.put(Kind.USER, Arrays.asList("userName", "displayName", "name", "emails", "active", "externalId"));
    STORED.put(Kind.GROUP, Arrays.asList("displayName", "externalId"));
    STORED.put(Kind.SERVICE_PRINCIPAL, Arrays.asList("applicationId", "displayName", "active", "externalId"));
    SUB_ATTRIBUTES.put("name", Arrays.asList("givenName", "familyName"));
    SUB_ATTRIBUTES.put("emails", Arrays.asList("value", "type", "primary", "display", "$ref"));
  }

  private static final PatchApplier PATCHER =
      PatchApplier.create(
          PatchApplier.Options.builder()
              .ignoredAttributes(Arrays.asList("userName", "emails", "groups", "schemas"))
              .build());

  /** The kinds of principal. */
  public enum Kind {
    /** Users. */
    USER("Users", SchemaUrns.USER),
    /** Service principals. */
    SERVICE_PRINCIPAL("ServicePrincipals", SchemaUrns.SERVICE_PRINCIPAL),
    /** Groups. */
    GROUP("Groups", SchemaUrns.GROUP);

    private final String plural;
    private final String schema;

    Kind(String plural, String schema) {
      this.plural = plural;
      this.schema = schema;
    }

    /**
     * Returns the URL segment, such as {@code Users}.
     *
     * @return the plural name
     */
    public String plural() {
      return plural;
    }

    /**
     * Returns the kind for a URL segment.
     *
     * @param segment the segment, such as {@code Groups}
     * @return the kind, or empty
     */
    public static Optional<Kind> fromPlural(String segment) {
      for (Kind kind : values()) {
        if (kind.plural.equals(segment)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A resource rendered in one scope: its JSON bytes as {@code ScimJson.mapper()} writes them, and a small view for
   * filters. Only the bytes are kept, since the trees of 15,000 resources with their {@code groups} and
   * {@code members} take about 65 MB; {@link #tree()} parses them again when a request needs the whole resource.
   */
  public static final class Rendered {
    /**
     * The {@code id} and stored attributes ({@code userName}, {@code displayName}, {@code active},
     * {@code applicationId}, {@code externalId}, ...), without {@code groups}, {@code members}, entitlements or roles:
     * every attribute a Databricks filter may name. Shared, never to be changed.
     */
    public final ObjectNode view;
    /** The JSON bytes of the resource; never to be changed. */
    public final byte[] json;

    Rendered(ObjectNode view, byte[] json) {
      this.view = view;
      this.json = json;
    }

    /**
     * Returns the whole resource as a fresh tree the caller may change.
     *
     * @return the tree
     */
    public ObjectNode tree() {
      try {
        return (ObjectNode) ScimJson.mapper().readTree(json);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the fake's own JSON", e);
      }
    }
  }

  private static final class Principal {
    final String id;
    final Kind kind;
    final long home;
    ObjectNode attributes = NODES.objectNode();
    final Map<Long, ObjectNode> scoped = new HashMap<>();
    final LinkedHashSet<String> members = new LinkedHashSet<>();
    final LinkedHashSet<String> parents = new LinkedHashSet<>();
    /** Renderings by {@code scope * 2 + (withMembers ? 1 : 0)}, valid while {@link #renderedVersion} is current. */
    Map<Long, Rendered> rendered;
    long renderedVersion = -1;

    Principal(String id, Kind kind, long home) {
      this.id = id;
      this.kind = kind;
      this.home = home;
    }

    String name() {
      switch (kind) {
        case USER:
          return attributes.path("userName").asText();
        case SERVICE_PRINCIPAL:
          return attributes.path("applicationId").asText();
        default:
          return attributes.path("displayName").asText();
      }
    }

    String display() {
      String display = attributes.path("displayName").asText("");
      return display.isEmpty() ? name() : display;
    }
  }

  private static final class Workspace {
    final long id;
    final boolean federated;
    final LinkedHashMap<String, List<String>> assignments = new LinkedHashMap<>();

    Workspace(long id, boolean federated) {
      this.id = id;
      this.federated = federated;
    }
  }

  private final String accountId;
  private final Clock clock;
  private final int maxPrincipals;
  private final int maxGroups;
  private final boolean unknownAttributesKept;
  private final LinkedHashMap<String, Principal> principals = new LinkedHashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final LinkedHashMap<Long, Workspace> workspaces = new LinkedHashMap<>();
  private long nextId = 1_000_000_000_000_001L;
  private FakeStoreListener listener = FakeStoreListener.NONE;
  /** The workspace objects and their permissions; shares this store's lock. */
  private final FakeWorkspaceObjects objects = new FakeWorkspaceObjects(this);
  /** Bumped by every change; cached renderings of older versions are stale. */
  private long version;
  private long listCacheVersion = -1;
  /** Account principals: users plus service principals at [0], groups at [1]. */
  private final int[] accountCounts = new int[2];
  private final Map<String, List<Rendered>> listCache = new HashMap<>();

  /**
   * Creates an empty store that drops attributes Databricks does not have.
   *
   * @param accountId the account id, used in error details
   * @param clock the clock
   * @param maxPrincipals the limit of users plus service principals per account and per workspace
   * @param maxGroups the limit of groups per account and per workspace
   */
  public FakeStore(String accountId, Clock clock, int maxPrincipals, int maxGroups) {
    this(accountId, clock, maxPrincipals, maxGroups, false);
  }

  /**
   * Creates an empty store.
   *
   * @param accountId the account id, used in error details
   * @param clock the clock
   * @param maxPrincipals the limit of users plus service principals per account and per workspace
   * @param maxGroups the limit of groups per account and per workspace
   * @param unknownAttributesKept whether attributes Databricks does not have are stored and returned (else dropped)
   */
  public FakeStore(String accountId, Clock clock, int maxPrincipals, int maxGroups, boolean unknownAttributesKept) {
    this.accountId = accountId;
    this.clock = clock;
    this.maxPrincipals = maxPrincipals;
    this.maxGroups = maxGroups;
    this.unknownAttributesKept = unknownAttributesKept;
  }

  /**
   * Adds a workspace.
   *
   * @param id the workspace id
   * @param federated whether the workspace is enabled for identity federation
   */
  public synchronized void addWorkspace(long id, boolean federated) {
    changed();
    workspaces.put(id, new Workspace(id, federated));
  }

  /**
   * Returns the workspace ids, in creation order.
   *
   * @return the ids
   */
  public synchronized List<Long> workspaceIds() {
    return new ArrayList<>(workspaces.keySet());
  }

  /**
   * Returns whether the workspace exists and is identity-federated.
   *
   * @param workspaceId the workspace id
   * @return whether it is federated
   */
  public synchronized boolean federated(long workspaceId) {
    Workspace workspace = workspaces.get(workspaceId);
    return workspace != null && workspace.federated;
  }

  // ---------------------------------------------------------------------------------------------------- SCIM

  /**
   * Creates a principal as a POST in {@code scope} does and returns it rendered in that scope.
   *
   * @param scope the scope
   * @param kind the kind
   * @param body the request body
   * @return the created resource
   */
  public synchronized ObjectNode create(long scope, Kind kind, JsonNode body) {
    changed();
    ObjectNode input = requireObject(body);
    refuseAccountEntitlements(scope, input);
    ObjectNode attributes = storedAttributes(kind, input);
    if (kind == Kind.USER) {
      String userName = input.path("userName").asText("").trim().toLowerCase(Locale.ROOT);
      if (userName.isEmpty()) {
        throw FakeFailure.scim(400, "invalidValue", "Request is missing the required attribute userName.");
      }
      attributes.put("userName", userName);
      if (!input.path("emails").isArray() || input.path("emails").size() == 0) {
        ObjectNode email = NODES.objectNode().put("type", "work").put("value", userName).put("primary", true);
        attributes.set("emails", NODES.arrayNode().add(email));
      }
    } else if (kind == Kind.SERVICE_PRINCIPAL) {
      String applicationId = input.path("applicationId").asText("").trim();
      attributes.put("applicationId", applicationId.isEmpty() ? UUID.randomUUID().toString() : applicationId);
    } else if (input.path("displayName").asText("").trim().isEmpty()) {
      throw FakeFailure.scim(400, "invalidValue", "Request is missing the required attribute displayName.");
    }
    if (kind != Kind.GROUP && !attributes.has("active")) {
      attributes.put("active", true);
    }
    long home = homeFor(scope, kind);
    if (home == ACCOUNT && scope != ACCOUNT) {
      Principal existing = principals.get(names.get(nameKey(ACCOUNT, kind, nameOf(kind, attributes))));
      if (existing != null && !visible(existing, scope)) {
        assign(scope, existing.id, Collections.singletonList("USER"));
        applyScoped(existing, scope, input);
        return render(existing, scope, true);
      }
    }
    checkUnique(scope, home, kind, nameOf(kind, attributes), null);
    checkLimits(scope, home, kind);
    Principal principal = new Principal(Long.toString(nextId++), kind, home);
    principal.attributes = attributes;
    if (kind == Kind.GROUP) {
      setMembers(principal, scope, memberIds(input.get("members")));
    }
    principals.put(principal.id, principal);
    if (home == ACCOUNT) {
      accountCounts[kind == Kind.GROUP ? 1 : 0]++;
    }
    names.put(nameKey(home, kind, principal.name()), principal.id);
    applyScoped(principal, scope, input);
    if (home == ACCOUNT && scope != ACCOUNT) {
      workspaces.get(scope).assignments.put(principal.id, new ArrayList<>(Collections.singletonList("USER")));
    }
    listener.created(scope, kind, principal.id, home);
    return render(principal, scope, true);
  }

  /**
   * Returns a resource visible in {@code scope}.
   *
   * @param scope the scope
   * @param kind the kind
   * @param id the id
   * @return the resource, with members for groups
   */
  public synchronized ObjectNode get(long scope, Kind kind, String id) {
    return render(find(scope, kind, id), scope, true);
  }

  /**
   * Returns a resource visible in {@code scope}, rendered with members for groups, from the cache when nothing changed
   * since it was last rendered.
   *
   * @param scope the scope
   * @param kind the kind
   * @param id the id
   * @return the rendering
   */
  public synchronized Rendered rendered(long scope, Kind kind, String id) {
    return cachedRender(find(scope, kind, id), scope, true);
  }

  /**
   * Returns every resource of {@code kind} visible in {@code scope}, in creation order, from the cache when nothing
   * changed since the last call.
   *
   * @param scope the scope
   * @param kind the kind
   * @param withMembers whether groups carry their members
   * @return the renderings, an unmodifiable list
   */
  public synchronized List<Rendered> listRendered(long scope, Kind kind, boolean withMembers) {
    if (listCacheVersion != version) {
      listCache.clear();
      listCacheVersion = version;
    }
    String key = scope + "|" + kind.ordinal() + "|" + withMembers;
    List<Rendered> cached = listCache.get(key);
    if (cached == null) {
      List<Rendered> result = new ArrayList<>();
      for (Principal principal : principals.values()) {
        if (principal.kind == kind && visible(principal, scope)) {
          result.add(cachedRender(principal, scope, withMembers));
        }
      }
      cached = Collections.unmodifiableList(result);
      listCache.put(key, cached);
    }
    return cached;
  }

  /**
   * Returns the users visible in {@code scope} whose {@code userName} is {@code userName}, from the name index instead
   * of a scan: what a {@code userName eq} filter, the most common filter of provisioning clients, needs.
   *
   * @param scope the scope
   * @param userName the user name, lower-cased as the store keeps it
   * @return the renderings in creation order (at most one per home scope)
   */
  public synchronized List<Rendered> renderedUsersNamed(long scope, String userName) {
    List<Rendered> result = new ArrayList<>(1);
    List<Principal> found = new ArrayList<>(1);
    for (long home : scope == ACCOUNT ? new long[] {ACCOUNT} : new long[] {ACCOUNT, scope}) {
      String id = names.get(nameKey(home, Kind.USER, userName));
      Principal principal = id == null ? null : principals.get(id);
      if (principal != null && visible(principal, scope)) {
        found.add(principal);
      }
    }
    found.sort(Comparator.comparingLong(principal -> Long.parseLong(principal.id)));
    for (Principal principal : found) {
      result.add(cachedRender(principal, scope, true));
    }
    return result;
  }

  /**
   * Returns the number of the current state, which every change increases.
   *
   * @return the version
   */
  public synchronized long version() {
    return version;
  }

  /** Marks the state as changed, dropping every cached rendering. Every method that changes state calls it. */
  void changed() {
    version++;
  }

  private Rendered cachedRender(Principal principal, long scope, boolean withMembers) {
    if (principal.renderedVersion != version || principal.rendered == null) {
      principal.rendered = new HashMap<>(4);
      principal.renderedVersion = version;
    }
    Long key = scope * 2 + (withMembers && principal.kind == Kind.GROUP ? 1 : 0);
    Rendered rendered = principal.rendered.get(key);
    if (rendered == null) {
      ObjectNode view = NODES.objectNode().put("id", principal.id);
      view.setAll(principal.attributes); // shares the nodes: stored attributes are replaced on change, never edited
      rendered = new Rendered(view, jsonBytes(render(principal, scope, withMembers)));
      principal.rendered.put(key, rendered);
    }
    return rendered;
  }

  /**
   * Returns every resource of {@code kind} visible in {@code scope}, in creation order.
   *
   * @param scope the scope
   * @param kind the kind
   * @param withMembers whether groups carry their members
   * @return the resources
   */
  public synchronized List<ObjectNode> list(long scope, Kind kind, boolean withMembers) {
    List<ObjectNode> result = new ArrayList<>();
    for (Principal principal : principals.values()) {
      if (principal.kind == kind && visible(principal, scope)) {
        result.add(render(principal, scope, withMembers));
      }
    }
    return result;
  }

  /**
   * Replaces a resource as a PUT does: {@code userName}, {@code emails}, {@code groups} and read-only attributes are
   * ignored; omitted attributes, members, entitlements and roles are dropped.
   *
   * @param scope the scope
   * @param kind the kind
   * @param id the id
   * @param body the request body
   * @return the replaced resource
   */
  public synchronized ObjectNode replace(long scope, Kind kind, String id, JsonNode body) {
    changed();
    Principal principal = find(scope, kind, id);
    boolean wasActive = principal.attributes.path("active").asBoolean(true);
    ObjectNode input = requireObject(body);
    refuseAccountEntitlements(scope, input);
    ObjectNode attributes = storedAttributes(kind, input);
    keepIdentity(principal, attributes);
    if (kind == Kind.GROUP) {
      if (attributes.path("displayName").asText("").trim().isEmpty()) {
        throw FakeFailure.scim(400, "invalidValue", "Request is missing the required attribute displayName.");
      }
      checkUnique(scope, principal.home, kind, attributes.path("displayName").asText(), principal);
      List<String> members = memberIds(input.get("members"));
      rename(principal, attributes);
      setMembers(principal, scope, members);
    } else {
      rename(principal, attributes);
    }
    ObjectNode scoped = NODES.objectNode();
    copyScoped(input, scoped);
    principal.scoped.put(scope, scoped);
    deactivated(principal, wasActive);
    return render(principal, scope, true);
  }

  /**
   * Applies a PATCH with the core applier and Databricks' tolerance, then stores the result.
   *
   * @param scope the scope
   * @param kind the kind
   * @param id the id
   * @param request the parsed request
   * @return the patched resource
   */
  public synchronized ObjectNode patch(long scope, Kind kind, String id, PatchRequest request) {
    changed();
    Principal principal = find(scope, kind, id);
    boolean wasActive = principal.attributes.path("active").asBoolean(true);
    ObjectNode current = render(principal, scope, true);
    for (PatchOperation operation : request.operations()) {
      String path = operation.path().orElse("");
      String attribute = path.split("[\\[.]", 2)[0].trim();
      boolean touchesEntitlements =
          attribute.equalsIgnoreCase("entitlements")
              || (path.isEmpty() && operation.value().map(v -> hasKeyIgnoreCase(v, "entitlements")).orElse(false));
      if (scope == ACCOUNT && touchesEntitlements) {
        throw entitlementsRefused();
      }
      if (operation.op() == dev.dbscim.core.patch.PatchOp.REMOVE
          && attribute.equalsIgnoreCase("entitlements")
          && current.path("entitlements").size() == 0) {
        throw FakeFailure.scim(
            400, "invalidPath", "No such attribute with the name : entitlements in the current resource");
      }
    }
    ObjectNode patched;
    try {
      patched = PATCHER.apply(current, request);
    } catch (PatchException e) {
      String detail = PatchException.INVALID_SYNTAX.equals(e.scimType()) ? UNPARSABLE : e.getMessage();
      throw FakeFailure.scim(400, e.scimType(), detail);
    }
    ObjectNode attributes = storedAttributes(kind, patched);
    keepIdentity(principal, attributes);
    if (kind == Kind.GROUP) {
      if (attributes.path("displayName").asText("").trim().isEmpty()) {
        throw FakeFailure.scim(400, "invalidValue", "displayName cannot be removed.");
      }
      checkUnique(scope, principal.home, kind, attributes.path("displayName").asText(), principal);
      List<String> members = memberIds(patched.get("members"));
      rename(principal, attributes);
      setMembers(principal, scope, members);
    } else {
      rename(principal, attributes);
    }
    ObjectNode scoped = NODES.objectNode();
    copyScoped(patched, scoped);
    principal.scoped.put(scope, scoped);
    deactivated(principal, wasActive);
    return render(principal, scope, true);
  }

  /**
   * Deletes a principal as a DELETE in {@code scope} does. In the account scope, or for a workspace-local principal,
   * it is removed everywhere (groups, assignments); an account principal deleted through a federated workspace is
   * only unassigned from that workspace and removed from its workspace-local groups.
   *
   * @param scope the scope
   * @param kind the kind
   * @param id the id
   */
  public synchronized void delete(long scope, Kind kind, String id) {
    changed();
    Principal principal = find(scope, kind, id);
    listener.deleting(kind, id);
    if (kind == Kind.USER) {
      objects.userDeleted(consequenceScope(principal, scope), id, principal.name());
    }
    if (principal.home == scope) {
      remove(principal);
      return;
    }
    workspaces.get(scope).assignments.remove(principal.id);
    for (Iterator<String> it = principal.parents.iterator(); it.hasNext(); ) {
      Principal parent = principals.get(it.next());
      if (parent.home == scope) {
        parent.members.remove(principal.id);
        it.remove();
      }
    }
  }

  /**
   * Returns the user behind a token as a workspace's {@code /Me} does.
   *
   * @param scope the workspace
   * @param id the user id
   * @return the user
   */
  public synchronized ObjectNode me(long scope, String id) {
    Principal principal = principals.get(id);
    if (principal == null || principal.kind != Kind.SERVICE_PRINCIPAL) {
      return get(scope, Kind.USER, id);
    }
    // A service principal's /Me: the User shape, with its application id as userName (inferred).
    ObjectNode servicePrincipal = render(find(scope, Kind.SERVICE_PRINCIPAL, id), scope, true);
    ObjectNode out = NODES.objectNode();
    out.putArray("schemas").add(Kind.USER.schema);
    out.put("id", id);
    out.put("userName", principal.name());
    servicePrincipal.remove(Arrays.asList("schemas", "id"));
    out.setAll(servicePrincipal);
    return out;
  }

  /**
   * Returns the id of the active service principal with this application id that {@code scope} sees: an account
   * service principal (visible in the workspace, for a workspace scope) or a workspace-local one of that workspace.
   *
   * @param scope {@link #ACCOUNT} or a workspace id
   * @param applicationId the application id
   * @return the id, or empty when there is none, it is not visible or it is inactive
   */
  public synchronized Optional<String> activeServicePrincipal(long scope, String applicationId) {
    List<String> candidates = new ArrayList<>();
    candidates.add(names.get(nameKey(ACCOUNT, Kind.SERVICE_PRINCIPAL, applicationId)));
    if (scope != ACCOUNT) {
      candidates.add(names.get(nameKey(scope, Kind.SERVICE_PRINCIPAL, applicationId)));
    }
    for (String id : candidates) {
      Principal principal = id == null ? null : principals.get(id);
      if (principal != null && visible(principal, scope) && principal.attributes.path("active").asBoolean(true)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether a principal is a direct or indirect member of a group.
   *
   * @param principalId the principal
   * @param groupId the group
   * @return whether it is a member
   */
  public synchronized boolean memberOf(String principalId, String groupId) {
    Principal principal = principals.get(principalId);
    return principal != null && ancestors(principal).contains(groupId);
  }

  /**
   * Returns whether a principal has a role in a scope, such as {@code account_admin} in the account.
   *
   * @param scope the scope
   * @param id the principal
   * @param role the role value
   * @return whether it has the role
   */
  public synchronized boolean hasRole(long scope, String id, String role) {
    Principal principal = principals.get(id);
    ObjectNode scoped = principal == null ? null : principal.scoped.get(scope);
    if (scoped == null) {
      return false;
    }
    for (JsonNode value : scoped.path("roles")) {
      if (role.equals(value.path("value").asText())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------- assignments

  /**
   * Assigns an account principal to a federated workspace; an empty permission list removes the assignment.
   *
   * @param workspaceId the workspace
   * @param principalId the principal
   * @param permissions the permissions, such as {@code USER}
   * @return the assignment as a {@code PermissionAssignment} JSON object
   */
  public synchronized ObjectNode assign(long workspaceId, String principalId, List<String> permissions) {
    changed();
    Workspace workspace = requireWorkspace(workspaceId);
    if (!workspace.federated) {
      throw FakeFailure.platform(
          400, "INVALID_PARAMETER_VALUE",
          "Workspace " + workspaceId + " is not enabled for identity federation.");
    }
    Principal principal = principals.get(principalId);
    if (principal == null || principal.home != ACCOUNT) {
      throw FakeFailure.platform(
          404, "RESOURCE_DOES_NOT_EXIST", "Principal " + principalId + " does not exist in account " + accountId + ".");
    }
    for (String permission : permissions) {
      if (!"USER".equals(permission) && !"ADMIN".equals(permission)) {
        throw FakeFailure.platform(400, "INVALID_PARAMETER_VALUE", "Invalid permission " + permission + ".");
      }
    }
    if (permissions.isEmpty()) {
      workspace.assignments.remove(principalId);
      listener.assigned(workspaceId, principalId, principal.kind, permissions);
      return assignmentJson(principal, permissions);
    }
    if (!workspace.assignments.containsKey(principalId) && principal.kind != Kind.GROUP) {
      checkLimits(workspaceId, ACCOUNT, principal.kind);
    }
    workspace.assignments.put(principalId, new ArrayList<>(new LinkedHashSet<>(permissions)));
    listener.assigned(workspaceId, principalId, principal.kind, permissions);
    return assignmentJson(principal, permissions);
  }

  /**
   * Assigns an account principal found by name ({@code user_name}, {@code group_name} or
   * {@code service_principal_name}).
   *
   * @param workspaceId the workspace
   * @param kind the kind the name refers to
   * @param name the name
   * @param permissions the permissions
   * @return the assignment
   */
  public synchronized ObjectNode assignByName(long workspaceId, Kind kind, String name, List<String> permissions) {
    String key = kind == Kind.USER ? name.toLowerCase(Locale.ROOT) : name;
    String id = names.get(nameKey(ACCOUNT, kind, key));
    if (id == null) {
      throw FakeFailure.platform(404, "RESOURCE_DOES_NOT_EXIST", "Principal " + name + " does not exist.");
    }
    return assign(workspaceId, id, permissions);
  }

  /**
   * Removes an assignment.
   *
   * @param workspaceId the workspace
   * @param principalId the principal
   */
  public synchronized void unassign(long workspaceId, String principalId) {
    changed();
    Workspace workspace = requireWorkspace(workspaceId);
    if (workspace.assignments.remove(principalId) == null) {
      throw FakeFailure.platform(
          404, "RESOURCE_DOES_NOT_EXIST",
          "Principal " + principalId + " is not assigned to workspace " + workspaceId + ".");
    }
    listener.assigned(workspaceId, principalId, principals.get(principalId).kind, Collections.emptyList());
  }

  /**
   * Returns the direct assignments of a workspace.
   *
   * @param workspaceId the workspace
   * @return the {@code PermissionAssignment} objects
   */
  public synchronized List<ObjectNode> assignments(long workspaceId) {
    Workspace workspace = requireWorkspace(workspaceId);
    List<ObjectNode> result = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : workspace.assignments.entrySet()) {
      result.add(assignmentJson(principals.get(entry.getKey()), entry.getValue()));
    }
    return result;
  }

  /**
   * Returns whether the workspace exists.
   *
   * @param workspaceId the workspace id
   * @return whether it exists
   */
  public synchronized boolean hasWorkspace(long workspaceId) {
    return workspaces.containsKey(workspaceId);
  }

  // ---------------------------------------------------------------------------------------------------- inspection

  /**
   * Returns the id of a principal by its unique name in a home scope.
   *
   * @param home {@link #ACCOUNT} or a workspace id (workspace-local principals)
   * @param kind the kind
   * @param name userName, applicationId or displayName
   * @return the id
   */
  public synchronized Optional<String> idByName(long home, Kind kind, String name) {
    String key = kind == Kind.USER ? name.toLowerCase(Locale.ROOT) : name;
    return Optional.ofNullable(names.get(nameKey(home, kind, key)));
  }

  /**
   * Returns a principal rendered in the scope it lives in, whatever its kind.
   *
   * @param id the id
   * @return the resource and its kind, or empty
   */
  public synchronized Optional<ObjectNode> renderHome(String id) {
    Principal principal = principals.get(id);
    return principal == null ? Optional.empty() : Optional.of(render(principal, principal.home, true));
  }

  /**
   * Returns the kind of a principal.
   *
   * @param id the id
   * @return the kind, or empty
   */
  public synchronized Optional<Kind> kindOf(String id) {
    Principal principal = principals.get(id);
    return principal == null ? Optional.empty() : Optional.of(principal.kind);
  }

  /**
   * Returns the direct member ids of a group.
   *
   * @param groupId the group id
   * @return the ids, in insertion order
   */
  public synchronized List<String> members(String groupId) {
    Principal group = principals.get(groupId);
    if (group == null || group.kind != Kind.GROUP) {
      throw new IllegalArgumentException("no group with id " + groupId);
    }
    return new ArrayList<>(group.members);
  }

  /**
   * Adds a member to a group without HTTP, with the same checks as a PATCH.
   *
   * @param groupId the group id
   * @param memberId the member id
   */
  public synchronized void addMember(String groupId, String memberId) {
    changed();
    Principal group = principals.get(groupId);
    if (group == null || group.kind != Kind.GROUP) {
      throw new IllegalArgumentException("no group with id " + groupId);
    }
    List<String> members = new ArrayList<>(group.members);
    members.add(memberId);
    setMembers(group, group.home, members);
  }

  /**
   * Returns the ids of the principals of a kind that live in a home scope.
   *
   * @param home {@link #ACCOUNT} or a workspace id
   * @param kind the kind
   * @return the ids, in creation order
   */
  public synchronized List<String> ids(long home, Kind kind) {
    List<String> ids = new ArrayList<>();
    for (Principal principal : principals.values()) {
      if (principal.kind == kind && principal.home == home) {
        ids.add(principal.id);
      }
    }
    return ids;
  }

  /**
   * Returns the ids of every principal, in every scope.
   *
   * @return the ids, in creation order
   */
  public synchronized List<String> ids() {
    return new ArrayList<>(principals.keySet());
  }

  /**
   * Returns how many principals of a kind live in a home scope.
   *
   * @param home {@link #ACCOUNT} or a workspace id
   * @param kind the kind
   * @return the count
   */
  public synchronized int count(long home, Kind kind) {
    int count = 0;
    for (Principal principal : principals.values()) {
      if (principal.kind == kind && principal.home == home) {
        count++;
      }
    }
    return count;
  }

  // ---------------------------------------------------------------------------------------------------- internals

  private long homeFor(long scope, Kind kind) {
    if (scope == ACCOUNT) {
      return ACCOUNT;
    }
    Workspace workspace = requireWorkspace(scope);
    return workspace.federated && kind != Kind.GROUP ? ACCOUNT : scope;
  }

  private Workspace requireWorkspace(long workspaceId) {
    Workspace workspace = workspaces.get(workspaceId);
    if (workspace == null) {
      throw FakeFailure.platform(
          404, "RESOURCE_DOES_NOT_EXIST", "Workspace " + workspaceId + " does not exist in account " + accountId + ".");
    }
    return workspace;
  }

  private Principal find(long scope, Kind kind, String id) {
    Principal principal = principals.get(id);
    if (principal == null || principal.kind != kind || !visible(principal, scope)) {
      throw FakeFailure.scim(404, null, notFound(kind));
    }
    return principal;
  }

  private static String notFound(Kind kind) {
    switch (kind) {
      case USER:
        return "User not found.";
      case SERVICE_PRINCIPAL:
        return "Service principal not found.";
      default:
        return "Group not found.";
    }
  }

  private boolean visible(Principal principal, long scope) {
    if (principal.home == scope) {
      return true;
    }
    if (principal.home != ACCOUNT) {
      return false;
    }
    Workspace workspace = workspaces.get(scope);
    if (workspace == null || !workspace.federated) {
      return false;
    }
    if (workspace.assignments.containsKey(principal.id)) {
      return true;
    }
    if (principal.kind == Kind.GROUP) {
      return false;
    }
    for (String ancestor : ancestors(principal)) {
      if (workspace.assignments.containsKey(ancestor)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> ancestors(Principal principal) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(principal.parents);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (seen.add(id)) {
        Principal group = principals.get(id);
        if (group != null) {
          queue.addAll(group.parents);
        }
      }
    }
    return seen;
  }

  private static byte[] jsonBytes(ObjectNode tree) {
    try {
      return ScimJson.mapper().writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private ObjectNode render(Principal principal, long scope, boolean withMembers) {
    ObjectNode out = NODES.objectNode();
    out.putArray("schemas").add(principal.kind.schema);
    out.put("id", principal.id);
    out.setAll(principal.attributes.deepCopy());
    ObjectNode scoped = principal.scoped.get(scope);
    if (scoped != null) {
      if (scope != ACCOUNT && scoped.has("entitlements")) {
        out.set("entitlements", scoped.get("entitlements").deepCopy());
      }
      if (scoped.has("roles")) {
        out.set("roles", scoped.get("roles").deepCopy());
      }
    }
    ArrayNode groups = groupsOf(principal, scope);
    if (principal.kind == Kind.GROUP) {
      if (withMembers && !principal.members.isEmpty()) {
        ArrayNode members = out.putArray("members");
        for (String memberId : principal.members) {
          Principal member = principals.get(memberId);
          members.add(
              NODES.objectNode()
                  .put("display", member.display())
                  .put("value", member.id)
                  .put("$ref", member.kind.plural + "/" + member.id));
        }
      }
      out.set("groups", groups);
      out.putObject("meta").put("resourceType", principal.home == ACCOUNT ? "Group" : "WorkspaceGroup");
    } else if (groups.size() > 0) {
      out.set("groups", groups);
    }
    return out;
  }

  private ArrayNode groupsOf(Principal principal, long scope) {
    ArrayNode groups = NODES.arrayNode();
    Set<String> direct = new LinkedHashSet<>();
    for (String parentId : principal.parents) {
      Principal parent = principals.get(parentId);
      if (visible(parent, scope)) {
        direct.add(parentId);
        groups.add(groupRef(parent, "direct"));
      }
    }
    for (String ancestorId : ancestors(principal)) {
      Principal ancestor = principals.get(ancestorId);
      if (!direct.contains(ancestorId) && !ancestorId.equals(principal.id) && visible(ancestor, scope)) {
        groups.add(groupRef(ancestor, "indirect"));
      }
    }
    return groups;
  }

  private static ObjectNode groupRef(Principal group, String type) {
    return NODES.objectNode()
        .put("display", group.display())
        .put("type", type)
        .put("value", group.id)
        .put("$ref", "Groups/" + group.id);
  }

  private ObjectNode assignmentJson(Principal principal, List<String> permissions) {
    ObjectNode out = NODES.objectNode();
    ArrayNode array = out.putArray("permissions");
    permissions.forEach(array::add);
    ObjectNode ref = out.putObject("principal");
    ref.put("principal_id", Long.parseLong(principal.id));
    ref.put("display_name", principal.display());
    switch (principal.kind) {
      case USER:
        ref.put("user_name", principal.name());
        break;
      case SERVICE_PRINCIPAL:
        ref.put("service_principal_name", principal.name());
        break;
      default:
        ref.put("group_name", principal.name());
        break;
    }
    return out;
  }

  private static ObjectNode requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
    return (ObjectNode) body;
  }

  /**
   * Returns the attributes of {@code input} that the store keeps for a principal of this kind: besides the ones kept
   * elsewhere ({@link #NOT_STORED}), those Databricks documents for the kind, under their schema names, with the
   * documented sub-attributes of {@code name} and {@code emails}; or every attribute if unknown ones are kept.
   */
  private ObjectNode storedAttributes(Kind kind, ObjectNode input) {
    List<String> known = STORED.get(kind);
    ObjectNode attributes = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = input.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (isKnownIgnoringCase(name) || field.getValue().isNull()) {
        continue;
      }
      Optional<String> schemaName = schemaName(known, name);
      if (schemaName.isPresent()) {
        attributes.set(schemaName.get(), knownParts(schemaName.get(), field.getValue()));
      } else if (unknownAttributesKept) {
        attributes.set(canonical(name), field.getValue().deepCopy());
      }
    }
    if (attributes.has("active") && !attributes.get("active").isBoolean()) {
      attributes.put("active", Boolean.parseBoolean(attributes.get("active").asText("true")));
    }
    return attributes;
  }

  /** Returns a copy of the value of a known attribute with only the documented sub-attributes of its objects. */
  private JsonNode knownParts(String attribute, JsonNode value) {
    List<String> parts = SUB_ATTRIBUTES.get(attribute);
    if (parts == null || unknownAttributesKept) {
      return value.deepCopy();
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode item : value) {
        out.add(knownFields(parts, item));
      }
      return out;
    }
    return knownFields(parts, value);
  }

  private static JsonNode knownFields(List<String> parts, JsonNode value) {
    if (!value.isObject()) {
      return value.deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Optional<String> part = schemaName(parts, field.getKey());
      if (part.isPresent()) {
        out.set(part.get(), field.getValue().deepCopy());
      }
    }
    return out;
  }

  private static Optional<String> schemaName(List<String> names, String name) {
    for (String known : names) {
      if (known.equalsIgnoreCase(name)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  private static boolean isKnownIgnoringCase(String name) {
    for (String known : NOT_STORED) {
      if (known.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String canonical(String name) {
    return schemaName(CANONICAL, name).orElse(name);
  }

  private static void copyScoped(JsonNode input, ObjectNode scoped) {
    Iterator<Map.Entry<String, JsonNode>> fields = input.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isArray() && field.getValue().size() > 0) {
        if (field.getKey().equalsIgnoreCase("entitlements")) {
          scoped.set("entitlements", valuesOnly((ArrayNode) field.getValue()));
        } else if (field.getKey().equalsIgnoreCase("roles")) {
          scoped.set("roles", valuesOnly((ArrayNode) field.getValue()));
        }
      }
    }
  }

  private static ArrayNode valuesOnly(ArrayNode values) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode value : values) {
      if (!value.isObject() || !value.path("value").isTextual()) {
        throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
      }
      out.add(NODES.objectNode().put("value", value.get("value").asText()));
    }
    return out;
  }

  private static void applyScoped(Principal principal, long scope, ObjectNode input) {
    ObjectNode scoped = NODES.objectNode();
    copyScoped(input, scoped);
    if (scoped.size() > 0) {
      principal.scoped.put(scope, scoped);
    }
  }

  private static boolean hasKeyIgnoreCase(JsonNode value, String key) {
    if (!value.isObject()) {
      return false;
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      if (names.next().equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  private static void refuseAccountEntitlements(long scope, ObjectNode input) {
    if (scope != ACCOUNT) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = input.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase("entitlements") && field.getValue().size() > 0) {
        throw entitlementsRefused();
      }
    }
  }

  private static FakeFailure entitlementsRefused() {
    return FakeFailure.scim(400, "invalidValue", "entitlements can only be managed at the workspace level");
  }

  private static void keepIdentity(Principal principal, ObjectNode attributes) {
    for (String name : Arrays.asList("userName", "emails")) {
      if (principal.attributes.has(name)) {
        attributes.set(name, principal.attributes.get(name).deepCopy());
      } else {
        attributes.remove(name);
      }
    }
    if (principal.kind == Kind.SERVICE_PRINCIPAL) {
      String applicationId = attributes.path("applicationId").asText("");
      if (!applicationId.isEmpty() && !applicationId.equals(principal.name())) {
        throw FakeFailure.scim(400, "mutability", "applicationId cannot be changed.");
      }
      attributes.put("applicationId", principal.name());
    }
  }

  private void rename(Principal principal, ObjectNode attributes) {
    names.remove(nameKey(principal.home, principal.kind, principal.name()));
    principal.attributes = attributes;
    names.put(nameKey(principal.home, principal.kind, principal.name()), principal.id);
  }

  private static String nameOf(Kind kind, ObjectNode attributes) {
    switch (kind) {
      case USER:
        return attributes.path("userName").asText();
      case SERVICE_PRINCIPAL:
        return attributes.path("applicationId").asText();
      default:
        return attributes.path("displayName").asText();
    }
  }

  private static String nameKey(long home, Kind kind, String name) {
    return home + "|" + kind.ordinal() + "|" + name;
  }

  private void checkUnique(long scope, long home, Kind kind, String name, Principal self) {
    String existing = names.get(nameKey(home, kind, name));
    if (kind == Kind.GROUP && existing == null && scope != ACCOUNT) {
      for (Principal group : principals.values()) {
        if (group.kind == Kind.GROUP && group != self && group.name().equals(name) && visible(group, scope)) {
          existing = group.id;
          break;
        }
      }
    }
    if (existing == null || (self != null && existing.equals(self.id))) {
      return;
    }
    switch (kind) {
      case USER:
        throw FakeFailure.scim(
            409, null,
            scope == ACCOUNT
                ? "User with email " + name + " already exists in this account"
                : "User with username " + name + " already exists.");
      case SERVICE_PRINCIPAL:
        throw FakeFailure.scim(409, null, "Service principal with application ID " + name + " already exists.");
      default:
        throw FakeFailure.scim(409, null, "Group with name " + name + " already exists.");
    }
  }

  private void checkLimits(long scope, long home, Kind kind) {
    boolean group = kind == Kind.GROUP;
    int limit = group ? maxGroups : maxPrincipals;
    String what = group ? "groups" : "users and service principals";
    if (countIn(ACCOUNT, group) >= limit && home == ACCOUNT) {
      throw FakeFailure.scim(
          400, null, "Account " + accountId + " has reached the limit of " + limit + " " + what + ".");
    }
    if (scope != ACCOUNT && countIn(scope, group) >= limit) {
      throw FakeFailure.scim(400, null, "Workspace " + scope + " has reached the limit of " + limit + " " + what + ".");
    }
  }

  private int countIn(long scope, boolean groups) {
    if (scope == ACCOUNT) {
      return accountCounts[groups ? 1 : 0]; // what the scan below finds, without scanning on every create
    }
    int count = 0;
    for (Principal principal : principals.values()) {
      if ((principal.kind == Kind.GROUP) == groups && visible(principal, scope)) {
        count++;
      }
    }
    return count;
  }

  private static List<String> memberIds(JsonNode members) {
    List<String> ids = new ArrayList<>();
    if (members == null || members.isNull()) {
      return ids;
    }
    if (!members.isArray()) {
      throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
    }
    for (JsonNode member : members) {
      if (!member.isObject() || !member.path("value").isTextual()) {
        throw FakeFailure.scim(400, "invalidSyntax", UNPARSABLE);
      }
      ids.add(member.get("value").asText());
    }
    return ids;
  }

  private void setMembers(Principal group, long scope, Collection<String> memberIds) {
    LinkedHashSet<String> wanted = new LinkedHashSet<>(memberIds);
    for (String memberId : wanted) {
      if (group.members.contains(memberId)) {
        continue;
      }
      Principal member = principals.get(memberId);
      boolean allowed =
          member != null
              && (group.home == ACCOUNT ? member.home == ACCOUNT : visible(member, group.home))
              && (scope == ACCOUNT || visible(member, scope));
      if (!allowed) {
        throw FakeFailure.scim(404, null, "Member " + memberId + " not found.");
      }
      if (member.kind == Kind.GROUP && (member == group || ancestors(group).contains(member.id))) {
        throw FakeFailure.scim(400, "invalidValue", "Adding group " + memberId + " would create a membership cycle.");
      }
    }
    for (String old : group.members) {
      if (!wanted.contains(old)) {
        principals.get(old).parents.remove(group.id);
      }
    }
    group.members.clear();
    for (String memberId : wanted) {
      group.members.add(memberId);
      principals.get(memberId).parents.add(group.id);
    }
  }

  private void remove(Principal principal) {
    principals.remove(principal.id);
    if (principal.home == ACCOUNT) {
      accountCounts[principal.kind == Kind.GROUP ? 1 : 0]--;
    }
    names.remove(nameKey(principal.home, principal.kind, principal.name()));
    for (String parentId : principal.parents) {
      principals.get(parentId).members.remove(principal.id);
    }
    for (String memberId : principal.members) {
      principals.get(memberId).parents.remove(principal.id);
    }
    for (Workspace workspace : workspaces.values()) {
      workspace.assignments.remove(principal.id);
    }
  }

  // ---------------------------------------------------------------------------------------------------- objects

  /**
   * Returns the workspace objects (jobs, clusters, tokens, ...) and their permissions; they share this store's lock
   * and go with it on a reset.
   *
   * @return the objects
   */
  public FakeWorkspaceObjects objects() {
    return objects;
  }

  /** Tells the objects when a user goes from active to inactive. */
  private void deactivated(Principal principal, boolean wasActive) {
    if (principal.kind == Kind.USER && wasActive && !principal.attributes.path("active").asBoolean(true)) {
      objects.userDeactivated(consequenceScope(principal, principal.home), principal.id, principal.name());
    }
  }

  /**
   * Returns the workspaces a deletion or deactivation in {@code scope} reaches: every federated workspace for an
   * account user changed at account level, else the one workspace.
   */
  private List<Long> consequenceScope(Principal principal, long scope) {
    List<Long> reached = new ArrayList<>();
    if (scope != ACCOUNT) {
      reached.add(scope);
      return reached;
    }
    for (Workspace workspace : workspaces.values()) {
      if (workspace.federated) {
        reached.add(workspace.id);
      }
    }
    return reached;
  }

  /**
   * Returns the id of the principal with this name that a workspace sees: a workspace-local one first, then an
   * account one visible there.
   *
   * @param workspaceId the workspace
   * @param kind the kind
   * @param name userName (any case), displayName or applicationId
   * @return the id
   */
  synchronized Optional<String> visibleIdByName(long workspaceId, Kind kind, String name) {
    String key = kind == Kind.USER ? name.toLowerCase(Locale.ROOT) : name;
    for (long home : new long[] {workspaceId, ACCOUNT}) {
      String id = names.get(nameKey(home, kind, key));
      if (id != null && visible(principals.get(id), workspaceId)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether a principal exists and a workspace sees it.
   *
   * @param id the principal id
   * @param workspaceId the workspace
   * @return whether it is visible
   */
  synchronized boolean visibleIn(String id, long workspaceId) {
    Principal principal = principals.get(id);
    return principal != null && visible(principal, workspaceId);
  }

  /**
   * Returns whether a principal exists and is active (groups are always active).
   *
   * @param id the principal id
   * @return whether it is active
   */
  synchronized boolean active(String id) {
    Principal principal = principals.get(id);
    return principal != null && principal.attributes.path("active").asBoolean(true);
  }

  /**
   * Returns the unique name of a principal: userName, applicationId or group displayName.
   *
   * @param id the principal id
   * @return the name, or empty when there is no such principal
   */
  synchronized Optional<String> nameOf(String id) {
    Principal principal = principals.get(id);
    return principal == null ? Optional.empty() : Optional.of(principal.name());
  }

  /**
   * Returns the display name of a principal, falling back to its unique name.
   *
   * @param id the principal id
   * @return the display name, or empty when there is no such principal
   */
  synchronized Optional<String> displayOf(String id) {
    Principal principal = principals.get(id);
    return principal == null ? Optional.empty() : Optional.of(principal.display());
  }

  /**
   * Returns where a principal lives: {@link #ACCOUNT} or a workspace id.
   *
   * @param id the principal id
   * @return the home, or empty when there is no such principal
   */
  synchronized Optional<Long> homeOf(String id) {
    Principal principal = principals.get(id);
    return principal == null ? Optional.empty() : Optional.of(principal.home);
  }

  /**
   * Returns whether an account principal is directly assigned to a workspace.
   *
   * @param workspaceId the workspace
   * @param id the principal id
   * @return whether it is assigned
   */
  synchronized boolean assignedDirectly(long workspaceId, String id) {
    Workspace workspace = workspaces.get(workspaceId);
    return workspace != null && workspace.assignments.containsKey(id);
  }

  /**
   * Sets who is told about principals coming and going (the built-in groups); called before any principal exists.
   *
   * @param listener the listener
   */
  public synchronized void listener(FakeStoreListener listener) {
    this.listener = listener;
  }

  /**
   * Makes {@code memberId} a direct member of {@code groupId} without the checks of a PATCH; does nothing when either
   * is gone. For the built-in groups, whose membership the fake maintains itself.
   *
   * @param groupId the group id
   * @param memberId the member id
   */
  public synchronized void link(String groupId, String memberId) {
    Principal group = principals.get(groupId);
    Principal member = principals.get(memberId);
    if (group != null && member != null && group.kind == Kind.GROUP && group != member) {
      changed();
      group.members.add(memberId);
      member.parents.add(groupId);
    }
  }

  /**
   * Removes {@code memberId} from the direct members of {@code groupId}; does nothing when it is not a member.
   *
   * @param groupId the group id
   * @param memberId the member id
   */
  public synchronized void unlink(String groupId, String memberId) {
    Principal group = principals.get(groupId);
    Principal member = principals.get(memberId);
    if (group != null && member != null) {
      changed();
      group.members.remove(memberId);
      member.parents.remove(groupId);
    }
  }

  /**
   * Returns the clock the store stamps with.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }
}
