package dev.dbscim.client.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.migrate.PlannedGroupMigration.Member;
import dev.dbscim.client.migrate.PlannedGroupMigration.Status;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.core.json.ScimJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * What a {@link WorkspaceGroupMigration} would do in one workspace: one {@link PlannedGroupMigration} per
 * workspace-local group, children before the groups that contain them, with warnings. Planning only reads, so a plan
 * is a dry run. A plan is a value: print it ({@link #summary()}, {@link #table()}), save it ({@link #toJson()},
 * {@link #fromJson(String)}) and apply it with {@link WorkspaceGroupMigration#apply(GroupMigrationPlan)}, which
 * re-checks every group against what it observes then.
 *
 * <pre>{@code
 * GroupMigrationPlan plan = migration.plan();
 * System.out.println(plan.summary());
 * System.out.println(plan.table());
 * GroupMigrationReport report = migration.apply(plan);
 * }</pre>
 */
@Value.Immutable
public abstract class GroupMigrationPlan {
  static final String FORMAT = "dbscim-group-migration-plan/1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;


  GroupMigrationPlan() {}

  static GroupMigrationPlan of(long workspaceId, Instant createdAt, String renamePrefix, boolean deletesLocalGroups,
      List<PlannedGroupMigration> groups, List<String> warnings) {
    return ImmutableGroupMigrationPlan.builder().workspaceId(workspaceId).createdAt(createdAt)
        .renamePrefix(renamePrefix).deletesLocalGroups(deletesLocalGroups).groups(groups).warnings(warnings).build();
  }

  /**
   * Returns the workspace the plan was made for.
   *
   * @return the workspace id
   */
  public abstract long workspaceId();

  /**
   * Returns when the plan was made.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * Returns the prefix renamed local groups get.
   *
   * @return the prefix
   */
  public abstract String renamePrefix();

  /**
   * Returns whether the plan deletes renamed local groups.
   *
   * @return whether local groups are deleted
   */
  public abstract boolean deletesLocalGroups();

  /**
   * Returns every workspace-local group found, children before their parents.
   *
   * @return the groups
   */
  public abstract List<PlannedGroupMigration> groups();

  /**
   * Returns the warnings.
   *
   * @return the warnings
   */
  public abstract List<String> warnings();

  /**
   * Returns whether applying the plan would change nothing.
   *
   * @return true when no group has a step to run
   */
  public boolean isEmpty() {
    for (PlannedGroupMigration group : groups()) {
      if (group.actionable()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the number of groups with a status.
   *
   * @param status the status
   * @return the count
   */
  public int count(Status status) {
    int count = 0;
    for (PlannedGroupMigration group : groups()) {
      if (group.status() == status) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns a few lines for people: counts per status, what deletion does, and the warnings.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Group migration plan for workspace ").append(workspaceId()).append(": ").append(groups().size())
        .append(" workspace-local group(s)");
    for (Status status : Status.values()) {
      int count = count(status);
      if (count > 0) {
        out.append(", ").append(count).append(' ').append(status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    out.append(".\n");
    out.append(deletesLocalGroups()
        ? "Renamed local groups (" + renamePrefix() + "*) are DELETED after validation.\n"
        : "Local groups are renamed to " + renamePrefix() + "<name> and kept (deletion not enabled).\n");
    for (String warning : warnings()) {
      out.append("Warning: ").append(warning).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns every group as a text table (group, status, members, permission, steps, reason), for people.
   *
   * @return the table
   */
  public String table() {
    String[] header = {"#", "group", "status", "members", "permission", "steps", "reason"};
    List<String[]> rows = new ArrayList<>();
    int index = 1;
    for (PlannedGroupMigration group : groups()) {
      List<String> steps = new ArrayList<>();
      for (GroupMigrationStep step : group.steps()) {
        steps.add(step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      rows.add(new String[] {Integer.toString(index++), group.name(), group.status().name().toLowerCase(Locale.ROOT),
        Integer.toString(group.memberRefs().size()), group.permission().wireValue(),
        steps.isEmpty() ? "-" : String.join(",", steps), group.reason().orElse("")});
    }
    return MigrationText.table(header, rows);
  }

  /**
   * Returns the plan as JSON ({@code "format": "dbscim-group-migration-plan/1"}), readable by
   * {@link #fromJson(String)} and by other tools.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("workspaceId", workspaceId());
    root.put("createdAt", createdAt().toString());
    root.put("renamePrefix", renamePrefix());
    root.put("deletesLocalGroups", deletesLocalGroups());
    ArrayNode warningArray = root.putArray("warnings");
    warnings().forEach(warningArray::add);
    ArrayNode array = root.putArray("groups");
    for (PlannedGroupMigration group : groups()) {
      ObjectNode node = array.addObject();
      node.put("name", group.name());
      node.put("localGroupId", group.localGroupId());
      node.put("localName", group.localName());
      node.put("status", group.status().name());
      group.accountGroupId().ifPresent(id -> node.put("accountGroupId", id));
      node.put("permission", group.permission().wireValue());
      ArrayNode members = node.putArray("members");
      for (Member member : group.memberRefs()) {
        members.addObject().put("kind", member.kind().name()).put("name", member.name());
      }
      ArrayNode steps = node.putArray("steps");
      group.steps().forEach(step -> steps.add(step.name()));
      group.reason().ifPresent(reason -> node.put("reason", reason));
    }
    try {
      return ScimJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the plan as JSON", e);
    }
  }

  /**
   * Reads a plan saved with {@link #toJson()}.
   *
   * @param json the plan JSON
   * @return the plan
   * @throws IllegalArgumentException when the text is not a group migration plan
   */
  public static GroupMigrationPlan fromJson(String json) {
    JsonNode root = MigrationPlanJson.root(json, FORMAT, "group migration plan");
    try {
      List<PlannedGroupMigration> groups = new ArrayList<>();
      for (JsonNode node : root.path("groups")) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : node.path("members")) {
          members.add(Member.of(PrincipalKind.valueOf(member.path("kind").asText()), member.path("name").asText()));
        }
        List<GroupMigrationStep> steps = new ArrayList<>();
        for (JsonNode step : node.path("steps")) {
          steps.add(GroupMigrationStep.valueOf(step.asText()));
        }
        groups.add(PlannedGroupMigration.of(required(node, "name"), required(node, "localGroupId"),
            required(node, "localName"), Status.valueOf(required(node, "status")),
            node.hasNonNull("accountGroupId") ? node.get("accountGroupId").asText() : null,
            WorkspacePermission.fromWire(node.path("permission").asText("USER")), members, steps,
            node.hasNonNull("reason") ? node.get("reason").asText() : null));
      }
      List<String> warnings = MigrationPlanJson.texts(root.path("warnings"));
      return GroupMigrationPlan.of(root.path("workspaceId").asLong(), Instant.parse(required(root, "createdAt")),
          required(root, "renamePrefix"), root.path("deletesLocalGroups").asBoolean(), groups, warnings);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a group migration plan: " + e.getMessage(), e);
    }
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    return value.asText();
  }

  @Override
  public String toString() {
    return "GroupMigrationPlan{workspaceId=" + workspaceId() + ", groups=" + groups().size() + ", deletesLocalGroups="
        + deletesLocalGroups() + "}";
  }
}
