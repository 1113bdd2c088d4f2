package dev.dbscim.client.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.patch.PatchRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@link SyncPlan}s as JSON ({@code "format": "dbscim-sync-plan/2"}). Besides the steps, a plan records
 * the directory and the plan-shaping options it was made from, so that applying it can re-plan and compare; the
 * deletion threshold, removal count, write count and impact (access changes and what removals break) are written for
 * people and other tools, and never read back as rules.
 */
final class PlanJson {
  static final String FORMAT = "dbscim-sync-plan/2";
  private static final String FORMAT_1 = "dbscim-sync-plan/1";
  /** How every message about text that is not a plan begins. */
  static final String NOT_A_PLAN = "not a sync plan: ";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlanJson() {}

  static String write(SyncPlan plan) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("targetKind", plan.targetKind().name());
    root.put("target", plan.target());
    root.put("createdAt", plan.createdAt().toString());
    root.put("managedPrincipals", plan.managedPrincipalCount());
    root.put("removals", plan.removalCount());
    root.put("exceedsDeletionThreshold", plan.exceedsDeletionThreshold());
    ObjectNode threshold = root.putObject("deletionThreshold");
    threshold.put("maxRemovals", plan.deletionThreshold().maxRemovals());
    threshold.put("maxPercent", plan.deletionThreshold().maxPercent());
    root.put("memberBatchSize", plan.memberBatchSize());
    root.put("writeRequests", plan.writeRequests());
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(warnings::add);
    ArrayNode operations = root.putArray("operations");
    for (PlannedOperation operation : plan.operations()) {
      ObjectNode node = operations.addObject();
      node.put("index", operation.index());
      node.put("phase", operation.phase());
      node.put("action", operation.action().name());
      node.set("principal", ref(operation.principal()));
      if (!operation.changes().isEmpty()) {
        ArrayNode changes = node.putArray("changes");
        operation.changes().forEach(changes::add);
      }
      operation.resourceNode().ifPresent(resource -> node.set("resource", resource.deepCopy()));
      operation.patch().ifPresent(patch -> node.set("patch", ScimJson.toTree(patch)));
      refs(node, "addMembers", operation.addMembers());
      refs(node, "removeMembers", operation.removeMembers());
      operation.workspaceId().ifPresent(id -> node.put("workspaceId", id));
      operation.permission().ifPresent(permission -> node.put("permission", permission.wireValue()));
    }
    root.set("impact", ImpactJson.tree(plan.impact(), plan.impactAllowed()));
    root.set("options", writeShape(plan.options()));
    root.set("directory", DirectoryJson.tree(plan.directory()));
    try {
      return ScimJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plan as JSON", e);
    }
  }

  /**
   * Reads a plan; a leading byte order mark is skipped. {@code noun} names what the text came from ("file" or "text")
   * in the message of JSON that ends early.
   */
  static SyncPlan read(String json, String noun) {
    JsonNode root;
    try {
      root = ScimJson.mapper().readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(NOT_A_PLAN + DirectoryJson.describeSyntaxError(e, noun));
    }
    if (root != null && root.isObject() && FORMAT_1.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(NOT_A_PLAN + "it was saved by an earlier dbscim "
          + "(\"" + FORMAT_1 + "\"), which did not record the directory needed to verify it; make a new plan");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("not a sync plan: \"format\" must be \"" + FORMAT + "\"");
    }
    try {
      List<PlannedOperation> operations = new ArrayList<>();
      for (JsonNode node : required(root, "operations")) {
        PlannedOperation.Builder builder = PlannedOperation.builder(
            Action.valueOf(text(node, "action")), readRef(required(node, "principal")), node.path("phase").asInt());
        for (JsonNode change : node.path("changes")) {
          builder.addChanges(change.asText());
        }
        if (node.path("resource").isObject()) {
          builder.resourceNode((ObjectNode) node.get("resource").deepCopy());
        }
        if (node.path("patch").isObject()) {
          builder.patch(ScimJson.fromTree(node.get("patch"), PatchRequest.class));
        }
        builder.addMembers(readRefs(node.path("addMembers")));
        builder.removeMembers(readRefs(node.path("removeMembers")));
        if (node.has("workspaceId")) {
          builder.workspaceId(node.get("workspaceId").asLong());
          JsonNode permission = node.path("permission");
          if (permission.isTextual()) {
            builder.permission(WorkspacePermission.fromWire(permission.asText()));
          }
        }
        operations.add(builder.build(operations.size()));
      }
      List<String> warnings = new ArrayList<>();
      for (JsonNode warning : root.path("warnings")) {
        warnings.add(warning.asText());
      }
      JsonNode threshold = required(root, "deletionThreshold");
      SyncOptions options = readShape(required(root, "options"), root.path("memberBatchSize").asInt(20))
          .toBuilder()
          .deletionThreshold(
              DeletionThreshold.of(threshold.path("maxRemovals").asInt(), threshold.path("maxPercent").asDouble()))
          .build();
      Directory directory = DirectoryJson.read(required(root, "directory"));
      return SyncPlan.builder().targetKind(SyncTarget.Kind.valueOf(text(root, "targetKind")))
          .target(text(root, "target")).createdAt(Instant.parse(text(root, "createdAt"))).operations(operations)
          .warnings(warnings).managedPrincipalCount(root.path("managedPrincipals").asInt()).options(options)
          .directory(directory).build();
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("not a sync")) {
        throw e;
      }
      throw new IllegalArgumentException("not a sync plan: " + e.getMessage(), e);
    }
  }

  private static ObjectNode writeShape(SyncOptions options) {
    ObjectNode node = NODES.objectNode();
    node.put("removalPolicy", options.removalPolicy().name());
    node.put("stampExternalIds", options.stampExternalIds());
    node.put("membershipReads", options.membershipReads().name());
    options.managedEntitlements().ifPresent(entitlements -> {
      ArrayNode array = node.putArray("managedEntitlements");
      entitlements.forEach(array::add);
    });
    ArrayNode workspaces = node.putArray("managedWorkspaces");
    options.managedWorkspaces().forEach(workspaces::add);
    return node;
  }

  private static SyncOptions readShape(JsonNode node, int memberBatchSize) {
    SyncOptions.Builder options = SyncOptions.builder()
        .removalPolicy(RemovalPolicy.valueOf(text(node, "removalPolicy")))
        .stampExternalIds(required(node, "stampExternalIds").asBoolean())
        .membershipReads(MembershipReads.valueOf(text(node, "membershipReads")))
        .memberBatchSize(memberBatchSize);
    if (node.has("managedEntitlements")) {
      List<String> entitlements = new ArrayList<>();
      node.get("managedEntitlements").forEach(value -> entitlements.add(value.asText()));
      options.managedEntitlements(entitlements);
    }
    for (JsonNode workspace : node.path("managedWorkspaces")) {
      options.addManagedWorkspaces(workspace.asLong());
    }
    return options.build();
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("not a sync plan: \"" + field + "\" is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  static ObjectNode ref(PrincipalRef ref) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", ref.kind().name());
    node.put("name", ref.name());
    ref.id().ifPresent(id -> node.put("id", id));
    return node;
  }

  private static void refs(ObjectNode parent, String field, List<PrincipalRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    ArrayNode array = parent.putArray(field);
    for (PrincipalRef ref : refs) {
      array.add(ref(ref));
    }
  }

  private static PrincipalRef readRef(JsonNode node) {
    JsonNode id = node.get("id");
    return PrincipalRef.of(PrincipalKind.valueOf(text(node, "kind")), text(node, "name"),
        id == null || id.isNull() ? null : id.asText());
  }

  private static List<PrincipalRef> readRefs(JsonNode array) {
    List<PrincipalRef> refs = new ArrayList<>(array.size());
    for (JsonNode node : array) {
      refs.add(readRef(node));
    }
    return refs;
  }
}
