package dev.dbscim.client.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a {@link WorkspaceToAccountMigration} would do: the account-level {@link Directory} built from the workspaces
 * (and the given directory), the {@link SyncPlan} that provisions it at account level, and per workspace whether its
 * workspace-level connector can be shut down. Planning only reads, so a plan is a dry run. Immutable.
 *
 * <pre>{@code
 * ProvisioningMigrationPlan plan = migration.plan();
 * System.out.println(plan.summary());
 * System.out.println(plan.syncPlan().table());
 * Files.writeString(planFile, plan.toJson());               // review it, then later:
 * ProvisioningMigrationReport report = migration.apply(ProvisioningMigrationPlan.fromJson(Files.readString(planFile)));
 * }</pre>
 */
@Value.Immutable
public abstract class ProvisioningMigrationPlan {
  static final String FORMAT = "dbscim-provisioning-migration-plan/1";


  ProvisioningMigrationPlan() {}

  static ProvisioningMigrationPlan of(Directory directory, SyncPlan syncPlan, List<WorkspaceConnectorStatus> workspaces,
      List<String> warnings) {
    return ImmutableProvisioningMigrationPlan.builder().directory(directory).syncPlan(syncPlan).workspaces(workspaces)
        .warnings(warnings).build();
  }

  /**
   * Returns the account-level directory: the workspaces' users, service principals and local groups (with members),
   * merged with the given directory (which wins on every name), and the workspace assignments that keep each
   * federated workspace's principals. Hand it to the account-level connector or keep syncing it with a
   * {@link dev.dbscim.client.sync.SyncEngine}.
   *
   * @return the directory
   */
  public abstract Directory directory();

  /**
   * Returns the sync plan on the account target.
   *
   * @return the sync plan
   */
  public abstract SyncPlan syncPlan();

  /**
   * Returns the status of every workspace, as observed when planning.
   *
   * @return the statuses
   */
  public abstract List<WorkspaceConnectorStatus> workspaces();

  /**
   * Returns the warnings: conflicting definitions across workspaces, members left out, local groups left to
   * {@link WorkspaceGroupMigration}, and the sync plan's own warnings.
   *
   * @return the warnings
   */
  public abstract List<String> warnings();

  /**
   * Returns a few lines for people: the directory, the sync plan's summary, one line per workspace, the warnings.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Account-level directory: ").append(directory().users().size()).append(" user(s), ")
        .append(directory().servicePrincipals().size()).append(" service principal(s), ")
        .append(directory().groups().size()).append(" group(s), ").append(directory().workspaceAssignments().size())
        .append(" workspace assignment(s).\n");
    out.append(syncPlan().summary());
    for (WorkspaceConnectorStatus workspace : workspaces()) {
      out.append(workspace.describe()).append('\n');
    }
    for (String warning : warnings()) {
      out.append("Warning: ").append(warning).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns the workspaces as a text table (workspace, federated, provisioned, uncovered, local groups, verdict).
   *
   * @return the table
   */
  public String table() {
    return workspaceTable(workspaces());
  }

  static String workspaceTable(List<WorkspaceConnectorStatus> workspaces) {
    List<String[]> rows = new ArrayList<>();
    for (WorkspaceConnectorStatus workspace : workspaces) {
      rows.add(new String[] {Long.toString(workspace.workspaceId()), workspace.federated() ? "yes" : "no",
        Integer.toString(workspace.provisionedIdentities()), Integer.toString(workspace.uncovered().size()),
        Integer.toString(workspace.localGroups().size()), workspace.verdict().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', '-')});
    }
    return MigrationText.table(
        new String[] {"workspace", "federated", "provisioned", "uncovered", "local groups", "connector"}, rows);
  }

  /**
   * Returns the plan as JSON ({@code "format": "dbscim-provisioning-migration-plan/1"}), with the directory in the
   * directory file format and the sync plan as {@link SyncPlan#toJson()} writes it.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    ArrayNode array = root.putArray("workspaces");
    for (WorkspaceConnectorStatus workspace : workspaces()) {
      ObjectNode node = array.addObject();
      node.put("workspaceId", workspace.workspaceId());
      node.put("federated", workspace.federated());
      node.put("provisionedIdentities", workspace.provisionedIdentities());
      ArrayNode uncovered = node.putArray("uncovered");
      workspace.uncovered().forEach(uncovered::add);
      ArrayNode localGroups = node.putArray("localGroups");
      workspace.localGroups().forEach(localGroups::add);
      node.put("connector", workspace.verdict().name());
    }
    ArrayNode warningArray = root.putArray("warnings");
    warnings().forEach(warningArray::add);
    try {
      root.set("directory", ScimJson.mapper().readTree(DirectoryJson.write(directory())));
      root.set("syncPlan", ScimJson.mapper().readTree(syncPlan().toJson()));
      return ScimJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plan as JSON", e);
    }
  }

  /**
   * Reads a plan saved with {@link #toJson()}.
   *
   * @param json the plan JSON
   * @return the plan, equal to the one that was saved
   * @throws IllegalArgumentException when the text is not a provisioning migration plan (the message says what is
   *     wrong, never repeats the text)
   */
  public static ProvisioningMigrationPlan fromJson(String json) {
    JsonNode root = MigrationPlanJson.root(json, FORMAT, "provisioning migration plan");
    if (!root.path("directory").isObject() || !root.path("syncPlan").isObject()) {
      throw new IllegalArgumentException("not a provisioning migration plan: \"directory\" and \"syncPlan\" must be "
          + "objects");
    }
    List<WorkspaceConnectorStatus> workspaces = new ArrayList<>();
    for (JsonNode node : root.path("workspaces")) {
      if (!node.path("workspaceId").canConvertToLong() || !node.path("connector").isTextual()) {
        throw new IllegalArgumentException("not a provisioning migration plan: every workspace needs a numeric "
            + "\"workspaceId\" and a \"connector\"");
      }
      ConnectorVerdict verdict;
      try {
        verdict = ConnectorVerdict.valueOf(node.get("connector").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a provisioning migration plan: unknown \"connector\" verdict of "
            + "workspace " + node.get("workspaceId").asLong());
      }
      workspaces.add(WorkspaceConnectorStatus.of(node.get("workspaceId").asLong(), node.path("federated").asBoolean(),
          node.path("provisionedIdentities").asInt(), MigrationPlanJson.texts(node.path("uncovered")),
          MigrationPlanJson.texts(node.path("localGroups")), verdict));
    }
    try {
      Directory directory = DirectoryJson.read(ScimJson.mapper().writeValueAsString(root.get("directory")));
      SyncPlan syncPlan = SyncPlan.fromJson(ScimJson.mapper().writeValueAsString(root.get("syncPlan")));
      return ProvisioningMigrationPlan.of(directory, syncPlan, workspaces,
          MigrationPlanJson.texts(root.path("warnings")));
    } catch (InvalidDirectoryException e) {
      throw new IllegalArgumentException("not a provisioning migration plan: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-encode a parsed JSON tree", e);
    }
  }
}
