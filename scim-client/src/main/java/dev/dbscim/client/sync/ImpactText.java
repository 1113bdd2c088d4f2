package dev.dbscim.client.sync;

import dev.dbscim.client.api.WorkspaceObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Words for impact values: counts of objects per kind, with how many are active. */
final class ImpactText {
  private ImpactText() {}

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
