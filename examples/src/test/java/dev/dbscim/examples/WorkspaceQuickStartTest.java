package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.testkit.FakeScimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkspaceQuickStartTest {
  private static String runOn(FakeScimServer scim) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScimWorkspaceClient workspace = EmbeddedFakeClients.workspace(scim, scim.workspace(0).id())) {
      WorkspaceQuickStart.run(workspace, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_inANonFederatedWorkspace_usesLocalUsersAndGroupsAndCleansUp() {
    try (FakeScimServer scim = FakeScimServer.builder().nonFederatedWorkspaces(1).build().start()) {
      String out = runOn(scim);

      assertThat(out)
          .contains("signed in as admin-1001@example.com")
          .contains("group quick-start-analysts (WorkspaceGroup) members=1")
          .doesNotContain("assignment ")
          .endsWith("cleaned up" + System.lineSeparator());
      assertThat(scim.state().localUserCount(1001)).isZero();
      assertThat(scim.state().groupByName("quick-start-analysts")).isEmpty();
      assertThat(scim.recordedRequests()).anyMatch(call -> call.target().equals("/api/2.0/preview/permissionassignments"));
    }
  }

  @Test
  void run_inAFederatedWorkspace_listsThePermissionAssignments() {
    try (FakeScimServer scim = FakeScimServer.create().start()) {
      String out = runOn(scim);

      assertThat(out)
          .contains("assignment admin-1001@example.com [ADMIN]")
          .contains("assignment grace@example.com [USER]")
          .contains("cleaned up");
      assertThat(scim.state().groupByName("quick-start-analysts")).isEmpty();
    }
  }
}
