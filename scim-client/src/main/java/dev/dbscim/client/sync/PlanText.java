package dev.dbscim.client.sync;

import dev.dbscim.client.internal.Excerpt;
import dev.dbscim.client.sync.PlannedOperation.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders plans for people: a summary and a table. Long names and details are cut with an ellipsis, so that a huge
 * value cannot flood a terminal; the plan's JSON keeps them whole.
 */
final class PlanText {
  private static final String[] KIND_NAMES = {"user", "service principal", "group"};
  /** The most characters of a name in the table. */
  static final int MAX_NAME = 80;
  /** The most characters of one change in a row's details, and of a warning. */
  static final int MAX_CHANGE = 200;

  private PlanText() {}

  /** Returns the kind as people read it: user, service principal, group. */
  static String kindName(PrincipalKind kind) {
    return KIND_NAMES[kind.ordinal()];
  }

  static String summary(SyncPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ").append(plan.target()).append(": ");
    if (plan.isEmpty()) {
      out.append("no changes.\n");
    } else {
      out.append(plan.operations().size()).append(" change(s), ").append(plan.writeRequests())
          .append(" write request(s).\n");
      for (Map.Entry<Action, int[]> entry : plan.countsByAction().entrySet()) {
        out.append("  ").append(verb(entry.getKey())).append(": ");
        int[] counts = entry.getValue();
        boolean first = true;
        for (int kind = 0; kind < counts.length; kind++) {
          if (counts[kind] == 0) {
            continue;
          }
          out.append(first ? "" : ", ").append(counts[kind]).append(' ').append(KIND_NAMES[kind])
              .append(counts[kind] == 1 ? "" : "s");
          first = false;
        }
        out.append('\n');
      }
      int added = 0;
      int removed = 0;
      for (PlannedOperation operation : plan.operations()) {
        added += operation.addMembers().size();
        removed += operation.removeMembers().size();
      }
      if (added + removed > 0) {
        out.append("  memberships: +").append(added).append(" -").append(removed).append('\n');
      }
    }
    int removals = plan.removalCount();
    out.append("Removals: ").append(removals).append(" of ").append(plan.managedPrincipalCount())
        .append(" managed principal(s); threshold ").append(plan.deletionThreshold().maxRemovals()).append(" or ")
        .append(plan.deletionThreshold().maxPercent()).append("%");
    if (plan.exceedsDeletionThreshold()) {
      out.append(plan.removalsAllowedAboveThreshold()
          ? " - EXCEEDED, allowed explicitly" : " - EXCEEDED: apply refuses this plan unless allowed explicitly");
    }
    out.append('\n');
    ImpactText.summary(out, plan.impact(), plan.impactAllowed());
    for (String warning : plan.warnings()) {
      out.append("Warning: ").append(Excerpt.of(warning, MAX_CHANGE)).append('\n');
    }
    return out.toString();
  }

  static String table(SyncPlan plan, int maxRows) {
    String[] header = {"#", "phase", "action", "kind", "name", "details"};
    int rows = Math.min(maxRows, plan.operations().size());
    List<String[]> cells = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      PlannedOperation operation = plan.operations().get(r);
      cells.add(new String[] {
        Integer.toString(operation.index() + 1),
        Integer.toString(operation.phase()),
        operation.action().name().toLowerCase(java.util.Locale.ROOT),
        KIND_NAMES[operation.principal().kind().ordinal()],
        Excerpt.of(operation.principal().name(), MAX_NAME),
        details(operation)
      });
    }
    StringBuilder out = new StringBuilder();
    grid(out, header, cells, plan.operations().size());
    ImpactText.tables(out, plan.impact(), maxRows);
    return out.toString();
  }

  /**
   * Appends a table: the header, a rule, the rows (every column but the last padded to its widest cell) and, when
   * {@code total} is more than the rows, a line counting those left out.
   */
  static void grid(StringBuilder out, String[] header, List<String[]> rows, int total) {
    int[] widths = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      widths[c] = header[c].length();
    }
    for (String[] row : rows) {
      for (int c = 0; c < header.length - 1; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    appendRow(out, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < header.length; c++) {
      rule.append(c == 0 ? "" : "  ").append(repeat('-', c == header.length - 1 ? 7 : widths[c]));
    }
    out.append(rule).append('\n');
    for (String[] row : rows) {
      appendRow(out, row, widths);
    }
    if (rows.size() < total) {
      out.append("... ").append(total - rows.size()).append(" more\n");
    }
  }

  private static String details(PlannedOperation operation) {
    StringBuilder details = new StringBuilder();
    if (operation.workspaceId().isPresent()) {
      details.append("workspace ").append(operation.workspaceId().getAsLong()).append(": ");
    }
    String separator = "";
    for (String change : operation.changes()) {
      details.append(separator).append(Excerpt.of(change, MAX_CHANGE));
      separator = "; ";
    }
    return details.toString();
  }

  private static void appendRow(StringBuilder out, String[] row, int[] widths) {
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        out.append("  ");
      }
      out.append(row[c]);
      if (c < row.length - 1) {
        out.append(repeat(' ', widths[c] - row[c].length()));
      }
    }
    out.append('\n');
  }

  private static String repeat(char c, int count) {
    StringBuilder out = new StringBuilder(Math.max(count, 0));
    for (int i = 0; i < count; i++) {
      out.append(c);
    }
    return out.toString();
  }

  private static String verb(Action action) {
    switch (action) {
      case CREATE:
        return "create";
      case UPDATE:
        return "update";
      case DEACTIVATE:
        return "deactivate";
      case DELETE:
        return "delete";
      case ASSIGN:
        return "assign to workspace";
      default:
        return "remove from workspace";
    }
  }
}
