package dev.dbscim.client.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Writes a {@link PlanImpact} as the {@code impact} member of a plan's JSON, for people and other tools. It is never
 * read back: applying a saved plan plans again and reads the impact afresh.
 */
final class ImpactJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ImpactJson() {}

  static ObjectNode tree(PlanImpact impact, boolean allowed) {
    ObjectNode root = NODES.objectNode();
    root.put("asOf", impact.asOf().toString());
    root.put("objectsRead", impact.objectsRead());
    root.put("listsRead", impact.listsRead());
    root.put("detailRequests", impact.detailRequests());
    List<RemovalImpact> breaking = impact.breaking();
    root.put("breaking", breaking.size());
    root.put("allowed", allowed);
    ArrayNode losing = root.putArray("losingAllAccess");
    for (PrincipalRef principal : impact.losingAllAccess()) {
      losing.add(PlanJson.ref(principal));
    }
    ArrayNode access = root.putArray("access");
    for (WorkspaceAccessChanges workspace : impact.access()) {
      ObjectNode node = access.addObject();
      workspaceId(node, workspace.workspaceId());
      ObjectNode counts = node.putObject("counts");
      for (AccessChange.Direction direction : AccessChange.Direction.values()) {
        counts.put(direction.name().toLowerCase(Locale.ROOT), workspace.count(direction));
      }
      strings(node.putArray("unreadGroups"), workspace.unreadGroups());
      ArrayNode changes = node.putArray("changes");
      for (AccessChange change : workspace.changes()) {
        ObjectNode item = changes.addObject();
        item.set("principal", PlanJson.ref(change.principal()));
        item.put("direction", change.direction().name());
        item.put("before", change.before().name());
        item.put("after", change.after().name());
        if (!change.removal().isEmpty()) {
          item.put("removal", change.removal());
        }
        strings(item.putArray("pathsBefore"), change.pathsBefore());
        strings(item.putArray("pathsAfter"), change.pathsAfter());
      }
    }
    ArrayNode removals = root.putArray("removals");
    for (RemovalImpact removal : impact.removals()) {
      ObjectNode node = removals.addObject();
      node.set("principal", PlanJson.ref(removal.principal()));
      node.put("cause", removal.cause().name());
      node.put("breaks", !removal.breaking(impact.asOf()).isEmpty());
      node.put("summary", removal.summary(impact.asOf()));
      ArrayNode workspaces = node.putArray("workspaces");
      for (OwnedObjects owned : removal.workspaces()) {
        ObjectNode item = workspaces.addObject();
        workspaceId(item, owned.workspaceId());
        ArrayNode objects = item.putArray("objects");
        for (WorkspaceObject object : owned.objects()) {
          objects.add(object(object, impact));
        }
      }
      strings(node.putArray("unreadWorkspaces"), removal.unreadWorkspaces());
    }
    strings(root.putArray("deepReadCost"), impact.deepReadCost());
    strings(root.putArray("warnings"), impact.warnings());
    return root;
  }

  private static ObjectNode object(WorkspaceObject object, PlanImpact impact) {
    ObjectNode node = NODES.objectNode();
    node.put("kind", object.kind().name());
    node.put("id", object.id());
    node.put("name", object.name());
    node.put("active", object.activeAt(impact.asOf()));
    if (!object.state().isEmpty()) {
      node.put("state", object.state());
    }
    object.expiresAt().ifPresent(expiry -> node.put("expiresAt", expiry.toString()));
    ArrayNode ties = node.putArray("ties");
    for (ObjectTie tie : object.ties()) {
      ObjectNode item = ties.addObject();
      item.put("role", tie.role().name());
      tie.principal().ifPresent(name -> item.put("principal", name));
      if (tie.principalId().isPresent()) {
        item.put("principalId", tie.principalId().getAsLong());
      }
    }
    return node;
  }

  private static void workspaceId(ObjectNode node, OptionalLong id) {
    if (id.isPresent()) {
      node.put("workspaceId", id.getAsLong());
    } else {
      node.putNull("workspaceId");
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
