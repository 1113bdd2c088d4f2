package dev.dbscim.client.migrate;

import dev.dbscim.client.error.SyncException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown by {@link WorkspaceToAccountMigration#apply(ProvisioningMigrationPlan)}, before anything is sent, when the
 * plan has {@linkplain AttributeConflict#resolved() unsettled} conflicts: the workspaces disagree on a principal's
 * attribute and nobody chose which value the account gets. Settle them with
 * {@link WorkspaceToAccountMigration.Builder#conflictRule(ConflictRule)} or
 * {@link WorkspaceToAccountMigration.Builder#conflictOverrides(ConflictOverrides)}, plan again and apply that plan.
 *
 * <p>Part of the SDK's exception tree: a {@link SyncException}, and so a
 * {@link dev.dbscim.client.error.DbscimException}.
 */
public final class UnresolvedConflictsException extends SyncException {
  private static final long serialVersionUID = 1L;

  /** How many conflicts the message lists; {@link #conflicts()} has them all. */
  public static final int LISTED_CONFLICTS = 20;

  /** The unsettled conflicts. */
  private final ArrayList<AttributeConflict> conflicts;

  UnresolvedConflictsException(List<AttributeConflict> conflicts) {
    super(message(conflicts), null);
    this.conflicts = new ArrayList<>(conflicts);
  }

  /**
   * Returns every unsettled conflict, in the plan's order.
   *
   * @return the conflicts
   */
  public List<AttributeConflict> conflicts() {
    return Collections.unmodifiableList(conflicts);
  }

  private static String message(List<AttributeConflict> conflicts) {
    StringBuilder out = new StringBuilder("The workspaces disagree on ").append(conflicts.size())
        .append(conflicts.size() == 1 ? " attribute" : " attributes")
        .append(" of principals and nothing settles which value the account gets, so nothing was sent. Choose with ")
        .append("conflictRule(KEEP_ACCOUNT or PREFER_WORKSPACES) or a conflictOverrides file, then plan again:");
    for (int i = 0; i < conflicts.size() && i < LISTED_CONFLICTS; i++) {
      out.append("\n  - ").append(conflicts.get(i).describe());
    }
    if (conflicts.size() > LISTED_CONFLICTS) {
      out.append("\n  ... and ").append(conflicts.size() - LISTED_CONFLICTS).append(" more");
    }
    return out.toString();
  }
}
