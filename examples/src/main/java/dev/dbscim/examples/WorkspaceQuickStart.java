package dev.dbscim.examples;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.util.Collections;

/**
 * Quick start on the workspace facade: who am I, a workspace user and a workspace group, and the workspace's
 * permission assignments.
 *
 * <p>With no {@code DATABRICKS_HOST} in the environment it starts the embedded fake with one workspace without
 * identity federation (where users and groups are local to the workspace) and talks to that; with
 * {@code DATABRICKS_HOST} (the workspace URL) and {@code DATABRICKS_TOKEN} (or {@code DATABRICKS_CLIENT_ID}/
 * {@code DATABRICKS_CLIENT_SECRET}) set, it talks to that workspace as an admin: it creates
 * {@code grace@example.com} and {@code quick-start-analysts}, and deletes them again.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.WorkspaceQuickStart}.
 */
public final class WorkspaceQuickStart {
  private WorkspaceQuickStart() {}

  /**
   * Runs the quick start against the embedded fake, or against a real workspace when configured.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    if (System.getenv().containsKey("DATABRICKS_HOST")) {
      try (ScimWorkspaceClient workspace = ScimWorkspaceClient.fromEnvironment()) {
        run(workspace, System.out);
      }
      return;
    }
    try (FakeScimServer fake = FakeScimServer.builder().nonFederatedWorkspaces(1).build().start()) {
      FakeWorkspace local = fake.workspace(0);
      try (ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
          .endpoint(local.url())
          .credentials(TokenCredentials.of(local.adminToken()))
          .build()) {
        run(workspace, System.out);
      }
    }
  }

  static void run(ScimWorkspaceClient workspace, PrintStream out) {
    out.println("signed in as " + workspace.me().userName());

    User grace = workspace.users().create(User.builder()
        .userName("grace@example.com")
        .displayName("Grace Hopper")
        .build());
    Group analysts = workspace.groups().create(Group.builder().displayName("quick-start-analysts").build());
    String graceId = grace.id().orElseThrow();
    String analystsId = analysts.id().orElseThrow();
    try {
      workspace.groups().addMembers(analystsId, Collections.singletonList(graceId));
      Group reread = workspace.groups().get(analystsId);
      out.println("group " + reread.displayName() + " ("
          + reread.meta().flatMap(Meta::resourceType).orElse("?") + ") members=" + reread.members().size());

      for (PermissionAssignment assignment : workspace.permissionAssignments().list()) {
        AssignedPrincipal principal = assignment.principal().orElseThrow();
        String name = principal.userName().or(principal::groupName).or(principal::servicePrincipalName)
            .orElse("?");
        out.println("assignment " + name + " " + assignment.rawPermissions());
      }
    } finally {
      workspace.groups().delete(analystsId);
      workspace.users().delete(graceId);
      out.println("cleaned up");
    }
  }
}
