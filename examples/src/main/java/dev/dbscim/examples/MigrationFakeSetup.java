package dev.dbscim.examples;

import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakePrincipal;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.time.Duration;

/**
 * A small, realistic starting point for the migration examples: an account with two identity-federated workspaces and
 * one without federation, whose workspace-level SCIM connectors provisioned users, a service principal and nested
 * workspace-local groups.
 */
public final class MigrationFakeSetup {
  static final String ETL_APP = "3f2a9c1e-7d4b-4e8a-9b61-0c5d2e8f1a37";

  private MigrationFakeSetup() {}

  /**
   * Returns a started fake whose workspace group renames take 15 s (fake clock) to show in lists, seeded with the
   * principals and workspace-local groups of two federated workspaces (the first two) and one without federation; the
   * first workspace's local groups hold permissions on a job, a cluster and a SQL warehouse.
   *
   * @return the started fake; the caller closes it
   */
  public static FakeScimServer start() {
    FakeScimServer fake = FakeScimServer.builder().workspaces(2).nonFederatedWorkspaces(1)
        .renameVisibilityDelay(Duration.ofSeconds(15)).build().start();
    seed(fake);
    return fake;
  }

  static void seed(FakeScimServer fake) {
    long analytics = fake.workspaces().get(0).id();
    long ml = fake.workspaces().get(1).id();
    long legacy = fake.workspaces().get(2).id();
    String ada = user(fake, analytics, "ada@example.com", "Ada Lovelace", "okta-00u1");
    String alan = user(fake, analytics, "alan@example.com", "Alan Turing", "okta-00u2");
    String grace = user(fake, analytics, "grace@example.com", "Grace Hopper", "okta-00u3");
    String etl = fake.state().seed(analytics, ServicePrincipal.builder().applicationId(ETL_APP)
        .displayName("nightly-etl").externalId("okta-sp-1").build()).id().orElseThrow();
    String analysts = group(fake, analytics, "analysts", "okta-g1", grace);
    group(fake, analytics, "data-engineers", "okta-g2", ada, alan, etl, analysts);
    // What the local groups may do in the workspace, so that migrating them shows permissions moving.
    FakeWorkspace workspace = fake.workspaces().get(0);
    long job = workspace.addJob("ada@example.com", "nightly-etl", true);
    workspace.grant("jobs", Long.toString(job), FakePrincipal.group("data-engineers"), "CAN_MANAGE");
    String cluster = workspace.addCluster("alan@example.com", "shared-etl");
    workspace.grant("clusters", cluster, FakePrincipal.group("data-engineers"), "CAN_ATTACH_TO");
    String warehouse = workspace.addWarehouse("grace@example.com", "reporting");
    workspace.grant("sql/warehouses", warehouse, FakePrincipal.group("analysts"), "CAN_USE");
    user(fake, ml, "ada@example.com", "Ada Lovelace", "okta-00u1");
    String katherine = user(fake, ml, "katherine@example.com", "Katherine Johnson", "okta-00u4");
    group(fake, ml, "ml-researchers", "okta-g3", katherine);
    String linus = user(fake, legacy, "linus@example.com", "Linus Pauling", "okta-00u5");
    group(fake, legacy, "legacy-ops", "okta-g4", linus);
  }

  private static String user(FakeScimServer fake, long workspaceId, String userName, String displayName,
      String externalId) {
    return fake.state().seed(workspaceId, User.builder().userName(userName).displayName(displayName)
        .externalId(externalId).build()).id().orElseThrow();
  }

  private static String group(FakeScimServer fake, long workspaceId, String name, String externalId,
      String... members) {
    Group.Builder group = Group.builder().displayName(name).externalId(externalId);
    for (String member : members) {
      group.addMembers(ComplexValue.of(member));
    }
    return fake.state().seed(workspaceId, group.build()).id().orElseThrow();
  }
}
