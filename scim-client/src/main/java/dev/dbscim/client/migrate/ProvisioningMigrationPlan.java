package dev.dbscim.client.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
    return of(directory, syncPlan, workspaces, warnings, Collections.emptyList(), Collections.emptyList());
  }

  static ProvisioningMigrationPlan of(Directory directory, SyncPlan syncPlan, List<WorkspaceConnectorStatus> workspaces,
      List<String> warnings, List<AttributeConflict> conflicts, List<EntitlementsLeftBehind> entitlementsLeftBehind) {
    return ImmutableProvisioningMigrationPlan.builder().directory(directory).syncPlan(syncPlan).workspaces(workspaces)
        .warnings(warnings).conflicts(conflicts).entitlementsLeftBehind(entitlementsLeftBehind).build();
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
   * Returns every conflict: a principal whose mapped attribute has different values in different workspaces, with
   * the value per workspace and how it was settled; sorted by kind, name and attribute.
   *
   * @return the conflicts, settled or not
   */
  public abstract List<AttributeConflict> conflicts();

  /**
   * Returns the conflicts nobody settled; while there is one, {@link WorkspaceToAccountMigration#apply} refuses the
   * plan.
   *
   * @return the unsettled conflicts
   */
  public List<AttributeConflict> unresolvedConflicts() {
    List<AttributeConflict> unresolved = new ArrayList<>();
    for (AttributeConflict conflict : conflicts()) {
      if (!conflict.resolved()) {
        unresolved.add(conflict);
      }
    }
    return Collections.unmodifiableList(unresolved);
  }

  /**
   * Returns the entitlements of workspace-local groups that stay behind in their workspaces, since account groups
   * hold none; see {@link EntitlementsLeftBehind} for what to do about them.
   *
   * @return the entitlements per workspace group, by workspace id and group name
   */
  public abstract List<EntitlementsLeftBehind> entitlementsLeftBehind();

  /**
   * Returns the conflicts as a text table (principal, attribute, value per workspace, account, resolution); empty
   * when there is none.
   *
   * @return the table, or an empty string
   */
  public String conflictTable() {
    if (conflicts().isEmpty()) {
      return "";
    }
    List<String[]> rows = new ArrayList<>();
    for (AttributeConflict conflict : conflicts()) {
      rows.add(new String[] {AttributeConflict.kindName(conflict.kind()) + " " + conflict.name(), conflict.attribute(),
        conflict.workspaceText(), conflict.inAccount()
          ? conflict.accountValue().map(AttributeConflict::quote).orElse("(none)") : "(new)",
        conflict.resolved() ? AttributeConflict.quote(conflict.resolvedValue().get()) + " by "
          + conflict.resolvedBy().orElse("?") : "UNRESOLVED"});
    }
    return MigrationText.table(new String[] {"principal", "attribute", "workspaces", "account", "resolution"}, rows);
  }

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
    if (!conflicts().isEmpty()) {
      int unresolved = unresolvedConflicts().size();
      out.append("Conflicts: ").append(conflicts().size()).append(" attribute(s) differ between workspaces, ")
          .append(unresolved).append(" unresolved").append(unresolved == 0 ? "." : "; apply refuses until they are "
              + "settled by a conflict rule or an override file.").append('\n');
      for (AttributeConflict conflict : conflicts()) {
        out.append("Conflict: ").append(conflict.describe()).append('\n');
      }
    }
    for (EntitlementsLeftBehind left : entitlementsLeftBehind()) {
      out.append("Entitlements left behind: ").append(left.describe()).append('\n');
    }
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
    ArrayNode conflictArray = root.putArray("conflicts");
    for (AttributeConflict conflict : conflicts()) {
      ObjectNode node = conflictArray.addObject();
      node.put("kind", conflict.kind().name());
      node.put("name", conflict.name());
      node.put("attribute", conflict.attribute());
      ObjectNode values = node.putObject("workspaceValues");
      conflict.workspaceValues().forEach((id, value) -> values.put(Long.toString(id), value));
      node.put("inAccount", conflict.inAccount());
      conflict.accountValue().ifPresent(value -> node.put("accountValue", value));
      conflict.resolvedValue().ifPresent(value -> node.put("resolvedValue", value));
      conflict.resolvedBy().ifPresent(value -> node.put("resolvedBy", value));
    }
    ArrayNode entitlementArray = root.putArray("entitlementsLeftBehind");
    for (EntitlementsLeftBehind left : entitlementsLeftBehind()) {
      ObjectNode node = entitlementArray.addObject();
      node.put("workspaceId", left.workspaceId());
      node.put("groupName", left.groupName());
      ArrayNode values = node.putArray("entitlements");
      left.entitlements().forEach(values::add);
    }
    try {
      root.set("directory", ScimJson.mapper().readTree(DirectoryJson.write(directory())));
      ObjectNode sync = (ObjectNode) ScimJson.mapper().readTree(syncPlan().toJson());
      // The sync plan's impact is read again whenever it is applied, and never read back: a saved migration plan
      // records the steps only, so that it reads back to the same JSON.
      sync.remove("impact");
      root.set("syncPlan", sync);
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
          MigrationPlanJson.texts(root.path("warnings")), readConflicts(root.path("conflicts")),
          readEntitlements(root.path("entitlementsLeftBehind")));
    } catch (InvalidDirectoryException e) {
      throw new IllegalArgumentException("not a provisioning migration plan: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot re-encode a parsed JSON tree", e);
    }
  }

  private static List<AttributeConflict> readConflicts(JsonNode array) {
    List<AttributeConflict> conflicts = new ArrayList<>();
    for (JsonNode node : array) {
      PrincipalKind kind;
      try {
        kind = PrincipalKind.valueOf(node.path("kind").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a provisioning migration plan: a conflict has an unknown \"kind\"");
      }
      if (!node.path("name").isTextual() || !node.path("attribute").isTextual()
          || !node.path("workspaceValues").isObject()) {
        throw new IllegalArgumentException("not a provisioning migration plan: every conflict needs a \"name\", an "
            + "\"attribute\" and \"workspaceValues\"");
      }
      AttributeConflict.Builder conflict = AttributeConflict.builder().kind(kind).name(node.get("name").asText())
          .attribute(node.get("attribute").asText()).inAccount(node.path("inAccount").asBoolean())
          .accountValue(optionalText(node, "accountValue")).resolvedValue(optionalText(node, "resolvedValue"))
          .resolvedBy(optionalText(node, "resolvedBy"));
      node.get("workspaceValues").fields().forEachRemaining(entry -> {
        try {
          conflict.putWorkspaceValues(Long.parseLong(entry.getKey()), entry.getValue().asText());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a provisioning migration plan: a conflict's \"workspaceValues\" "
              + "must be keyed by workspace id");
        }
      });
      conflicts.add(conflict.build());
    }
    return conflicts;
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  private static List<EntitlementsLeftBehind> readEntitlements(JsonNode array) {
    List<EntitlementsLeftBehind> left = new ArrayList<>();
    for (JsonNode node : array) {
      if (!node.path("workspaceId").canConvertToLong() || !node.path("groupName").isTextual()) {
        throw new IllegalArgumentException("not a provisioning migration plan: every entry of "
            + "\"entitlementsLeftBehind\" needs a numeric \"workspaceId\" and a \"groupName\"");
      }
      left.add(EntitlementsLeftBehind.builder().workspaceId(node.get("workspaceId").asLong())
          .groupName(node.get("groupName").asText()).entitlements(MigrationPlanJson.texts(node.path("entitlements")))
          .build());
    }
    return left;
  }
}
