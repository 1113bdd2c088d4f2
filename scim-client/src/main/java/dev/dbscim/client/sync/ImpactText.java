package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.internal.Excerpt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Words for impact values: counts of objects per kind with how many are active, what deep reads cost, and the
 * impact part of a plan's summary and table.
 */
final class ImpactText {
  /** The most lines of breaking removals (and of principals losing all access) in a summary. */
  static final int SUMMARY_LINES = 10;

  private ImpactText() {}

  /** Returns a workspace as people read it: {@code workspace 1001}, or {@code the workspace} for a workspace target. */
  static String workspace(OptionalLong workspaceId) {
    return workspaceId.isPresent() ? "workspace " + workspaceId.getAsLong() : "the workspace";
  }

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
    String paths = String.join(", ", down ? change.lostPaths() : change.pathsAfter());
    if (!change.removal().isEmpty()) {
      return change.removal() + (paths.isEmpty() ? "" : "; had " + paths);
    }
    return (down ? "lost via " : "via ") + paths
        + (change.direction() == AccessChange.Direction.DEMOTE && !change.pathsAfter().isEmpty()
            ? "; keeps USER via " + String.join(", ", change.pathsAfter()) : "");
  }

  /**
   * Returns {@code 3 jobs (2 scheduled), 1 running cluster, 4 active tokens}; {@code nothing} for no objects. Kinds
   * come in {@link WorkspaceObject.Kind} order, except tokens, which come last (what runs first, then who calls in).
   */
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
    String tokens = null;
    for (Map.Entry<WorkspaceObject.Kind, int[]> entry : counts.entrySet()) {
      String phrase = phrase(entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
      if (entry.getKey() == WorkspaceObject.Kind.TOKEN) {
        tokens = phrase;
      } else {
        parts.add(phrase);
      }
    }
    if (tokens != null) {
      parts.add(tokens);
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

  /**
   * Returns {@code bob@example.com owns ... in workspace 1001; ... in workspace 1002}, then the workspaces not read.
   * A principal with nothing found says "owns nothing" only when every workspace concerned was read.
   */
  static String removal(RemovalImpact removal, Instant now) {
    StringBuilder text = new StringBuilder(removal.principal().name());
    if (!removal.workspaces().isEmpty()) {
      text.append(" owns ");
      for (int i = 0; i < removal.workspaces().size(); i++) {
        text.append(i == 0 ? "" : "; ").append(removal.workspaces().get(i).summary(now));
      }
      if (!removal.unreadWorkspaces().isEmpty()) {
        text.append("; not read: ").append(String.join(", ", removal.unreadWorkspaces()));
      }
    } else if (removal.unreadWorkspaces().isEmpty()) {
      text.append(" owns nothing in the workspaces read");
    } else {
      text.append(": nothing found where read; not read: ").append(String.join(", ", removal.unreadWorkspaces()));
    }
    return text.toString();
  }

  /**
   * Returns what the deep reads of one workspace cost or would cost, such as {@code workspace 1001: 2,000 jobs and 12
   * Lakeview dashboards, 2,012 calls, about 3 min 21 s at 10 calls/s}, with, when they were not made, what stays
   * unknown. Empty when no kind with one-object reads was asked for.
   *
   * @param label the workspace label
   * @param counts the objects listed per kind with details, -1 for a kind whose list failed
   * @param callsPerSecond the pace of one-object calls, 0 for the client's own
   * @param deep whether the deep reads were made
   */
  static Optional<String> deepReadCost(String label, Map<WorkspaceObject.Kind, Integer> counts, double callsPerSecond,
      boolean deep) {
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    List<String> listed = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    long calls = 0;
    for (Map.Entry<WorkspaceObject.Kind, Integer> entry : counts.entrySet()) {
      WorkspaceObject.Kind kind = entry.getKey();
      int count = entry.getValue();
      if (count < 0) {
        unlisted.add(kind.label(2));
      } else {
        listed.add(number(count) + " " + kind.label(count));
        calls += count;
      }
      unknown.add(kind == WorkspaceObject.Kind.JOB ? "run-as users of jobs" : "managers of " + kind.label(2));
    }
    if (listed.isEmpty() || (unlisted.isEmpty() && calls == 0)) {
      // Nothing listed: the warnings say what was not read. Nothing to read one by one: nothing unknown.
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(label).append(": ");
    text.append(String.join(" and ", listed)).append(", ").append(number(calls))
        .append(calls == 1 ? " call" : " calls");
    if (calls > 0) {
      text.append(callsPerSecond > 0
          ? ", about " + duration(calls / callsPerSecond) + " at " + pace(callsPerSecond) + " calls/s"
          : " at the client's pace");
    }
    List<String> notes = new ArrayList<>();
    if (!deep) {
      notes.add("not read; " + String.join(" and ", unknown) + " are unknown");
    }
    if (!unlisted.isEmpty()) {
      notes.add(String.join(" and ", unlisted) + " not listed");
    }
    if (!notes.isEmpty()) {
      text.append(" (").append(String.join("; ", notes)).append(')');
    }
    return Optional.of(text.toString());
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String pace(double callsPerSecond) {
    return BigDecimal.valueOf(callsPerSecond).stripTrailingZeros().toPlainString();
  }

  /** Returns {@code 21 s}, {@code 3 min 21 s} or {@code 1 h 5 min}, rounded to the second, at least 1 s. */
  static String duration(double seconds) {
    long total = Math.max(1, Math.round(seconds));
    if (total < 60) {
      return total + " s";
    }
    if (total < 3600) {
      return total / 60 + " min" + (total % 60 == 0 ? "" : " " + total % 60 + " s");
    }
    long minutes = (total + 30) / 60;
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
