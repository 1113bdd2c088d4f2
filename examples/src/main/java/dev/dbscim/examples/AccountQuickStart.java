package dev.dbscim.examples;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.io.PrintStream;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;

/**
 * Quick start on the account facade: create a user and a group, join them, list with a filter and assign the group to
 * a workspace.
 *
 * <p>With no {@code DATABRICKS_HOST} in the environment it starts the embedded fake Databricks from scim-testkit and
 * talks to that; with {@code DATABRICKS_HOST}, {@code DATABRICKS_ACCOUNT_ID} and {@code DATABRICKS_TOKEN} (or
 * {@code DATABRICKS_CLIENT_ID}/{@code DATABRICKS_CLIENT_SECRET}) set it talks to that real account, so point it at a
 * test account: it creates {@code ada@example.com} and {@code quick-start-engineering}, and deletes them again.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:java
 * -Dexec.mainClass=dev.dbscim.examples.AccountQuickStart}.
 */
public final class AccountQuickStart {
  private AccountQuickStart() {}

  /**
   * Runs the quick start against the embedded fake, or against a real account when configured.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    if (environment.containsKey("DATABRICKS_HOST")) {
      try (ScimAccountClient account = ScimAccountClient.fromEnvironment()) {
        run(account, null, System.out);
      }
      return;
    }
    try (FakeScimServer fake = FakeScimServer.create().start();
        ScimAccountClient account = ScimAccountClient.builder()
            .endpoint(fake.url())
            .accountId(fake.accountId())
            .credentials(TokenCredentials.of(fake.accountToken()))
            .build()) {
      run(account, fake.workspaces().get(0).id(), System.out);
    }
  }

  static void run(ScimAccountClient account, Long workspaceId, PrintStream out) {
    User ada = account.users().create(User.builder()
        .userName("ada@example.com")
        .displayName("Ada Lovelace")
        .build());
    Group eng = account.groups().create(Group.builder().displayName("quick-start-engineering").build());
    String adaId = ada.id().orElseThrow();
    String engId = eng.id().orElseThrow();
    try {
      account.groups().addMembers(engId, Collections.singletonList(adaId));
      out.println("created " + ada.userName() + " (" + adaId + ") in " + eng.displayName() + " (" + engId + ")");

      for (User u : account.users().list(q -> q.filter(Filter.attr("userName").sw("ada")))) {
        out.println("found   " + u.userName() + " groups=" + u.groups().size());
      }
      Group reread = account.groups().get(engId);
      out.println("members " + reread.members().size());

      if (workspaceId != null) {
        account.workspaceAssignments().assign(workspaceId, Long.parseLong(engId), EnumSet.of(WorkspacePermission.USER));
        out.println("assigned " + eng.displayName() + " to workspace " + workspaceId + ": "
            + account.workspaceAssignments().list(workspaceId).size() + " assignment(s)");
      }
    } finally {
      account.groups().delete(engId);
      account.users().delete(adaId);
      out.println("cleaned up");
    }
  }
}
