package dev.dbscim.client.migrate;

import dev.dbscim.client.sync.SyncReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What applying a {@link ProvisioningMigrationPlan} did: the sync engine's report, and every workspace's status as
 * observed after the apply. Running the migration again continues with whatever failed.
 */
public final class ProvisioningMigrationReport {
  private final SyncReport syncReport;
  private final List<WorkspaceConnectorStatus> workspaces;

  ProvisioningMigrationReport(SyncReport syncReport, List<WorkspaceConnectorStatus> workspaces) {
    this.syncReport = Objects.requireNonNull(syncReport, "syncReport");
    this.workspaces = Collections.unmodifiableList(new ArrayList<>(workspaces));
  }

  /**
   * Returns the sync engine's report of the account-level changes.
   *
   * @return the sync report
   */
  public SyncReport syncReport() {
    return syncReport;
  }

  /**
   * Returns every workspace's status after the apply.
   *
   * @return the statuses
   */
  public List<WorkspaceConnectorStatus> workspaces() {
    return workspaces;
  }

  /**
   * Returns the status of one workspace.
   *
   * @param workspaceId the workspace id
   * @return the status
   * @throws java.util.NoSuchElementException when the migration did not cover that workspace
   */
  public WorkspaceConnectorStatus workspace(long workspaceId) {
    for (WorkspaceConnectorStatus workspace : workspaces) {
      if (workspace.workspaceId() == workspaceId) {
        return workspace;
      }
    }
    throw new java.util.NoSuchElementException("no workspace " + workspaceId);
  }

  /**
   * Returns whether every account-level change succeeded.
   *
   * @return whether the sync succeeded
   */
  public boolean isSuccess() {
    return syncReport.isSuccess();
  }

  /**
   * Returns a few lines for people: the sync report's summary and one line per workspace.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder(syncReport.summary());
    for (WorkspaceConnectorStatus workspace : workspaces) {
      out.append(workspace.describe()).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns the workspaces as a text table, as {@link ProvisioningMigrationPlan#table()} does.
   *
   * @return the table
   */
  public String table() {
    return ProvisioningMigrationPlan.workspaceTable(workspaces);
  }

  @Override
  public String toString() {
    return "ProvisioningMigrationReport{sync=" + syncReport + ", workspaces=" + workspaces + "}";
  }
}
