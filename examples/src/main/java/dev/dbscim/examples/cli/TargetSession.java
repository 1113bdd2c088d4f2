package dev.dbscim.examples.cli;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import dev.dbscim.client.sync.PlannedOperation;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The target of one run with the clients and (without {@code DATABRICKS_*} variables) the embedded fake behind it;
 * closing it closes what it opened.
 */
final class TargetSession implements AutoCloseable {
  /** The fake numbers its workspaces from this id on. */
  static final long FIRST_FAKE_WORKSPACE = 1001;
  private static final int MAX_FAKE_WORKSPACES = 100;
  private static final String HOST = "DATABRICKS_HOST";

  private final SyncTarget target;
  private final AutoCloseable client;
  private final FakeScimServer fake;
  private final WorkspaceLogins workspaces;

  private TargetSession(SyncTarget target, AutoCloseable client, FakeScimServer fake, WorkspaceLogins workspaces) {
    this.target = target;
    this.client = client;
    this.fake = fake;
    this.workspaces = workspaces;
  }

  /**
   * Opens the target: Databricks when {@code DATABRICKS_*} variables are set (the account, or the workspace at
   * {@code workspaceHost}), else a fresh embedded fake with the workspaces the run refers to, said on stderr. On an
   * account target it also logs in to the workspaces whose objects the plan reads: those in {@code workspaceHosts}
   * (tokens as {@link WorkspaceLogins} finds them), or every workspace of the embedded fake.
   */
  static TargetSession open(CliContext context, String workspaceHost, SortedSet<Long> workspaceIds,
      Map<Long, String> workspaceHosts, Path workspaceTokenFile) {
    if (context.hasDatabricksVariables()) {
      if (workspaceHost == null) {
        ScimAccountClient client;
        try {
          client = ScimAccountClient.fromEnvironment(context.environment());
        } catch (IllegalArgumentException e) {
          // A variable's value is unusable; the message names the variable and what to write instead.
          throw new CliFailure(DbscimCli.EXIT_FAILURE, e.getMessage(), e);
        }
        WorkspaceLogins logins;
        try {
          logins = workspaceHosts.isEmpty() ? WorkspaceLogins.none()
              : WorkspaceLogins.open(context.environment(), workspaceHosts, workspaceTokenFile);
        } catch (RuntimeException e) {
          client.close();
          throw e;
        }
        return new TargetSession(SyncTarget.account(client), client, null, logins);
      }
      Map<String, String> environment = new HashMap<>(context.environment());
      environment.put(HOST, workspaceHost);
      ScimWorkspaceClient client;
      try {
        client = ScimWorkspaceClient.fromEnvironment(environment);
      } catch (IllegalArgumentException e) {
        // The host came from --workspace-host, not from the variable the message names.
        throw new CliFailure(DbscimCli.EXIT_FAILURE, e.getMessage().replace(HOST, "--workspace-host"), e);
      }
      return new TargetSession(SyncTarget.workspace(client), client, null, WorkspaceLogins.none());
    }
    PrintWriter err = context.err();
    FakeScimServer fake = startFake(workspaceIds, workspaceHost != null, err);
    if (workspaceHost == null) {
      err.println("No DATABRICKS_* variables are set, so this runs against a fresh embedded fake account at "
          + fake.url() + "; nothing real is read or changed. Set DATABRICKS_HOST, DATABRICKS_ACCOUNT_ID and "
          + "DATABRICKS_TOKEN to use a real account.");
      return new TargetSession(SyncTarget.account(EmbeddedFakeClients.account(fake)), null, fake,
          WorkspaceLogins.ofFake(fake, workspaceHosts));
    }
    FakeWorkspace workspace = fake.workspaces().get(fake.workspaces().size() - 1);
    err.println("No DATABRICKS_* variables are set, so this runs against a workspace without identity federation in "
        + "a fresh embedded fake, at " + workspace.url() + "; " + workspaceHost + " is not contacted. Set "
        + "DATABRICKS_TOKEN to use the real workspace.");
    return new TargetSession(SyncTarget.workspace(EmbeddedFakeClients.workspace(fake, workspace.id())), null, fake,
        WorkspaceLogins.none());
  }

  /**
   * Starts a fake with enough identity-federated workspaces for the given ids (the fake numbers them from 1001), plus
   * one without identity federation when asked.
   */
  static FakeScimServer startFake(SortedSet<Long> workspaceIds, boolean withNonFederated, PrintWriter err) {
    long federated = 1;
    for (long id : workspaceIds) {
      if (id >= FIRST_FAKE_WORKSPACE && id < FIRST_FAKE_WORKSPACE + MAX_FAKE_WORKSPACES) {
        federated = Math.max(federated, id - FIRST_FAKE_WORKSPACE + 1);
      } else {
        err.println("Warning: the embedded fake has workspaces " + FIRST_FAKE_WORKSPACE + " to "
            + (FIRST_FAKE_WORKSPACE + MAX_FAKE_WORKSPACES - 1) + " only, so the assignments to workspace " + id
            + " will fail.");
      }
    }
    return FakeScimServer.builder()
        .workspaces((int) federated)
        .nonFederatedWorkspaces(withNonFederated ? 1 : 0)
        .journalCapacity(1_000_000)
        .build()
        .start();
  }

  static SortedSet<Long> workspaceIds(Directory directory) {
    SortedSet<Long> ids = new TreeSet<>();
    for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
      ids.add(assignment.workspaceId());
    }
    return ids;
  }

  static SortedSet<Long> workspaceIds(SyncPlan plan) {
    SortedSet<Long> ids = new TreeSet<>();
    for (PlannedOperation operation : plan.operations()) {
      if (operation.workspaceId().isPresent()) {
        ids.add(operation.workspaceId().getAsLong());
      }
    }
    return ids;
  }

  SyncTarget target() {
    return target;
  }

  /** Returns the clients that read each workspace of an account target, by id (none on a workspace target). */
  Map<Long, ScimWorkspaceClient> workspaceClients() {
    return workspaces.clients();
  }

  /** Returns the embedded fake, when the run uses one. */
  Optional<FakeScimServer> fake() {
    return Optional.ofNullable(fake);
  }

  @Override
  public void close() {
    workspaces.close();
    try {
      if (client != null) {
        client.close();
      }
    } catch (Exception e) {
      // Closing a client releases connections only; nothing to report.
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }
}
