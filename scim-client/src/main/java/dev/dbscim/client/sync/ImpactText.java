package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.internal.Excerpt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words for impact values: counts of objects per kind with how many are active, and the impact part of a plan's
 * summary and table.
 */
final class ImpactText {
  /** The most lines of breaking removals (and of principals losing all access) in a summary. */
  static final int SUMMARY_LINES = 10;

  private ImpactText() {}

  /** Appends the access counts per workspace, who loses all access, what removals break and the impact warnings. */
  static void summary(StringBuilder out, PlanImpact impact, boolean allowed) {
    if (!impact.access().isEmpty()) {
      out.append("Access (from the state read, no extra requests):\n");
      for (WorkspaceAccessChanges workspace : impact.access()) {
        out.append("  ").append(workspace.changes().isEmpty() && workspace.unreadGroups().isEmpty()
            ? workspace.label() + ": no change" : workspace.toString()).append('\n');
      }
      List<PrincipalRef> losing = impact.losingAllAccess();
      if (!losing.isEmpty()) {
        out.append("  ").append(losing.size()).append(" principal(s) lose all access: ");
        for (int i = 0; i < Math.min(losing.size(), SUMMARY_LINES); i++) {
          out.append(i == 0 ? "" : ", ").append(Excerpt.of(losing.get(i).name(), PlanText.MAX_NAME));
        }
        out.append(losing.size() > SUMMARY_LINES ? ", ... (see the table)\n" : "\n");
      }
    }
    if (impact.objectsRead()) {
      List<RemovalImpact> breaking = impact.breaking();
      out.append("Impact: ").append(impact.removals().size()).append(" principal(s) checked, ")
          .append(impact.listsRead()).append(" list(s) read");
      if (impact.detailRequests() > 0) {
        out.append(", ").append(impact.detailRequests()).append(" object(s) read one by one");
      }
      out.append("; ").append(breaking.size()).append(" would break active objects").append(breaking.isEmpty() ? "" : ":")
          .append('\n');
      for (int i = 0; i < Math.min(breaking.size(), SUMMARY_LINES); i++) {
        out.append("  ").append(Excerpt.of(breaking.get(i).summary(impact.asOf()), PlanText.MAX_CHANGE * 2))
            .append('\n');
      }
      if (breaking.size() > SUMMARY_LINES) {
        out.append("  ... ").append(breaking.size() - SUMMARY_LINES).append(" more (see the table)\n");
      }
      if (!breaking.isEmpty()) {
        out.append(allowed ? "  - allowed explicitly\n"
            : "  - apply refuses this plan unless allowed explicitly (SyncPlan.allowImpact(), "
                + "SyncOptions.allowImpact(true) or --allow-impact)\n");
      }
      for (String cost : impact.deepReadCost()) {
        out.append("Deep reads: ").append(Excerpt.of(cost, PlanText.MAX_CHANGE)).append('\n');
      }
    }
    for (String warning : impact.warnings()) {
      out.append("Impact warning: ").append(Excerpt.of(warning, PlanText.MAX_CHANGE)).append('\n');
    }
  }

  /** Appends the table of access changes and the table of what each checked principal has, when there are any. */
  static void tables(StringBuilder out, PlanImpact impact, int maxRows) {
    int total = 0;
    for (WorkspaceAccessChanges workspace : impact.access()) {
      total += workspace.changes().size();
    }
    if (total > 0) {
      List<String[]> rows = new ArrayList<>();
      for (WorkspaceAccessChanges workspace : impact.access()) {
        String where = workspace.workspaceId().isPresent() ? Long.toString(workspace.workspaceId().getAsLong()) : "-";
        for (AccessChange change : workspace.changes()) {
          if (rows.size() == maxRows) {
            break;
          }
          rows.add(new String[] {where, PlanText.kindName(change.principal().kind()),
              Excerpt.of(change.principal().name(), PlanText.MAX_NAME), change.before().name(),
              change.after().name(), Excerpt.of(path(change), PlanText.MAX_CHANGE)});
        }
      }
      out.append("\nAccess changes\n");
      PlanText.grid(out, new String[] {"workspace", "kind", "name", "before", "after", "path"}, rows, total);
    }
    if (!impact.removals().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      int count = 0;
      for (RemovalImpact removal : impact.removals()) {
        String name = Excerpt.of(removal.principal().name(), PlanText.MAX_NAME);
        String cause = removal.cause().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (OwnedObjects owned : removal.workspaces()) {
          count++;
          if (rows.size() < maxRows) {
            boolean breaks = !owned.active(impact.asOf()).isEmpty();
            rows.add(new String[] {name, cause, owned.label(), breaks ? "yes" : "no",
                Excerpt.of(countsByKind(owned.objects(), impact.asOf()), PlanText.MAX_CHANGE)});
          }
        }
        for (String unread : removal.unreadWorkspaces()) {
          count++;
          if (rows.size() < maxRows) {
            rows.add(new String[] {name, cause, Excerpt.of(unread, PlanText.MAX_NAME), "unknown", "not read"});
          }
        }
        if (removal.workspaces().isEmpty() && removal.unreadWorkspaces().isEmpty()) {
          count++;
          if (rows.size() < maxRows) {
            rows.add(new String[] {name, cause, "-", "no", "nothing in the workspaces read"});
          }
        }
      }
      out.append("\nRemoval impact\n");
      PlanText.grid(out, new String[] {"name", "cause", "workspace", "breaks", "owns"}, rows, count);
    }
  }

  /** Returns the path of a change: the removal, what was lost, or what gives the new access. */
  static String path(AccessChange change) {
    boolean down = change.direction() == AccessChange.Direction.LOSE
        || change.direction() == AccessChange.Direction.DEMOTE;
    String paths = String.join(", ", down ? change.pathsBefore() : change.pathsAfter());
    if (!change.removal().isEmpty()) {
      return change.removal() + (paths.isEmpty() ? "" : "; had " + paths);
    }
    return (down ? "lost via " : "via ") + paths
        + (change.direction() == AccessChange.Direction.DEMOTE && !change.pathsAfter().isEmpty()
            ? "; keeps USER via " + String.join(", ", change.pathsAfter()) : "");
  }

  /** Returns {@code 3 jobs (2 scheduled), 1 running cluster, 4 active tokens}; {@code nothing} for no objects. */
  static String countsByKind(List<WorkspaceObject> objects, Instant now) {
    Map<WorkspaceObject.Kind, int[]> counts = new EnumMap<>(WorkspaceObject.Kind.class);
    for (WorkspaceObject object : objects) {
      int[] count = counts.computeIfAbsent(object.kind(), k -> new int[2]);
      count[0]++;
      if (object.activeAt(now)) {
        count[1]++;
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<WorkspaceObject.Kind, int[]> entry : counts.entrySet()) {
      parts.add(phrase(entry.getKey(), entry.getValue()[0], entry.getValue()[1]));
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }

  private static String phrase(WorkspaceObject.Kind kind, int total, int active) {
    String activeWord;
    switch (kind) {
      case TOKEN:
        activeWord = "active";
        break;
      case JOB:
        activeWord = "scheduled";
        break;
      case CLUSTER:
        activeWord = "running";
        break;
      case QUERY:
        activeWord = "run as owner";
        break;
      default:
        activeWord = "active";
        break;
    }
    if (active == total && active > 0 && kind != WorkspaceObject.Kind.QUERY) {
      return total + " " + activeWord + " " + kind.label(total);
    }
    return total + " " + kind.label(total) + (active > 0 ? " (" + active + " " + activeWord + ")" : "");
  }

  /** Returns {@code bob@example.com owns ... in workspace 1001; ... in workspace 1002}, and the unread workspaces. */
  static String removal(RemovalImpact removal, Instant now) {
    StringBuilder text = new StringBuilder(removal.principal().name());
    if (removal.workspaces().isEmpty()) {
      text.append(removal.unreadWorkspaces().isEmpty() ? " owns nothing in the workspaces read" : " owns nothing read");
    } else {
      text.append(" owns ");
      for (int i = 0; i < removal.workspaces().size(); i++) {
        text.append(i == 0 ? "" : "; ").append(removal.workspaces().get(i).summary(now));
      }
    }
    if (!removal.unreadWorkspaces().isEmpty()) {
      text.append(" (not read: ").append(String.join(", ", removal.unreadWorkspaces())).append(')');
    }
    return text.toString();
  }
}
