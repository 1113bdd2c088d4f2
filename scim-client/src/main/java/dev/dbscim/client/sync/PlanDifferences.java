package dev.dbscim.client.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a plan that is to be applied with a fresh plan for the same directory and state, step by step: what the
 * saved plan does that a fresh plan would not, what a fresh plan would do that the saved plan leaves out, and steps on
 * the same principal whose ids, names, resources, patches, members or assignments differ.
 */
final class PlanDifferences {
  private PlanDifferences() {}

  /** Returns the differences in the saved plan's order (then the fresh plan's extra steps); empty when equal. */
  static List<String> between(SyncPlan saved, SyncPlan fresh) {
    Map<String, Deque<PlannedOperation>> freshByKey = new LinkedHashMap<>();
    for (PlannedOperation operation : fresh.operations()) {
      freshByKey.computeIfAbsent(key(operation), k -> new ArrayDeque<>()).add(operation);
    }
    List<String> differences = new ArrayList<>();
    for (PlannedOperation operation : saved.operations()) {
      Deque<PlannedOperation> candidates = freshByKey.get(key(operation));
      PlannedOperation match = candidates == null ? null : candidates.poll();
      if (match == null) {
        differences.add(describe(operation) + ": a fresh plan does not do this");
      } else {
        String changed = changed(operation, match);
        if (changed != null) {
          differences.add(describe(operation) + ": " + changed);
        }
      }
    }
    for (Deque<PlannedOperation> left : freshByKey.values()) {
      for (PlannedOperation operation : left) {
        differences.add(describe(operation) + ": a fresh plan does this, the saved plan does not");
      }
    }
    return differences;
  }

  /** Steps are paired by action, principal kind and name (case-insensitively) and workspace. */
  private static String key(PlannedOperation operation) {
    return operation.action() + "/" + PrincipalRef.key(operation.principal().kind(), operation.principal().name())
        + "/" + (operation.workspaceId().isPresent() ? operation.workspaceId().getAsLong() : "");
  }

  /** Returns what differs between two paired steps, or null when they are the same step. */
  private static String changed(PlannedOperation saved, PlannedOperation fresh) {
    if (!saved.principal().id().equals(fresh.principal().id())) {
      return "the id is " + saved.principal().id().orElse("(none)") + " in the saved plan but "
          + fresh.principal().id().orElse("(none)") + " now";
    }
    if (!saved.principal().name().equals(fresh.principal().name())) {
      return "the name is \"" + saved.principal().name() + "\" in the saved plan but \"" + fresh.principal().name()
          + "\" now";
    }
    if (!saved.resourceNode().equals(fresh.resourceNode())) {
      return "the resource to create differs";
    }
    if (!saved.patch().equals(fresh.patch()) || !saved.changes().equals(fresh.changes())) {
      return "the changes differ (saved: " + saved.changes() + ", now: " + fresh.changes() + ")";
    }
    if (!saved.addMembers().equals(fresh.addMembers()) || !saved.removeMembers().equals(fresh.removeMembers())) {
      return "the member changes differ (saved: +" + saved.addMembers().size() + " -" + saved.removeMembers().size()
          + ", now: +" + fresh.addMembers().size() + " -" + fresh.removeMembers().size() + ")";
    }
    if (!saved.permission().equals(fresh.permission())) {
      return "the permission differs (saved: " + saved.permission().map(Enum::name).orElse("(none)") + ", now: "
          + fresh.permission().map(Enum::name).orElse("(none)") + ")";
    }
    if (saved.phase() != fresh.phase()) {
      return "the phase is " + saved.phase() + " in the saved plan but " + fresh.phase() + " now";
    }
    return null;
  }

  private static String describe(PlannedOperation operation) {
    PrincipalRef principal = operation.principal();
    return operation.action().name().toLowerCase(Locale.ROOT) + " " + principal.describe()
        + principal.id().map(id -> " (id " + id + ")").orElse("")
        + (operation.workspaceId().isPresent() ? " in workspace " + operation.workspaceId().getAsLong() : "");
  }
}
