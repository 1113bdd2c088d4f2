package dev.dbscim.client.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.migrate.GroupMigrationResult.Outcome;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The figures of docs/migrations.md: requests and wall time of migrating 50 workspace-local groups (two members each)
 * at the documented limits, on the fake's clock (the rename pacing and the polls for renames to show advance it).
 */
@Timeout(60)
class GroupMigrationFiguresTest {
  static final int GROUPS = 50;

  /** Migrates 50 groups with renames visible after {@code visibility}; returns requests by kind, and the time. */
  static Figures migrate(Duration visibility) {
    FakeClock clock = FakeClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    try (FakeScimServer server = FakeScimServer.builder().clock(clock).renameVisibilityDelay(visibility).build()
        .start();
        ScimAccountClient account = FakeClients.account(server);
        ScimWorkspaceClient workspace = FakeClients.workspace(server)) {
      long workspaceId = server.workspace(0).id();
      for (int i = 0; i < GROUPS; i++) {
        Group.Builder group = Group.builder().displayName(String.format("team-%02d", i));
        for (int m = 0; m < 2; m++) {
          group.addMembers(ComplexValue.of(server.state().seed(workspaceId,
              User.builder().userName("member" + i + "-" + m + "@example.com").build()).id().orElseThrow()));
        }
        server.state().seed(workspaceId, group.build());
      }
      WorkspaceGroupMigration migration = WorkspaceGroupMigration.builder().accountClient(account)
          .workspaceClient(workspace).workspaceId(workspaceId).clock(clock).sleeper(clock::advance).build();
      server.clearRecordedRequests();
      Instant start = clock.instant();
      GroupMigrationPlan plan = migration.plan();
      int planRequests = server.recordedRequests().size();
      GroupMigrationReport report = migration.apply(plan);
      assertThat(report.count(Outcome.MIGRATED)).as(report.summary()).isEqualTo(GROUPS);
      Map<String, Integer> requests = new TreeMap<>();
      for (RecordedCall call : server.recordedRequests()) {
        String path = call.path();
        String kind = call.method() + " " + (call.workspaceId().isPresent() ? "workspace " : "account ")
            + (path.contains("permissionassignments") ? "permissionassignments" : path.contains("/Groups") ? "Groups" : path.contains("/Users") ? "Users"
                : path.contains("/ServicePrincipals") ? "ServicePrincipals" : path.replaceAll(".*/", ""));
        requests.merge(kind, 1, Integer::sum);
      }
      return new Figures(planRequests, server.recordedRequests().size(), requests,
          Duration.between(start, clock.instant()), migration.estimatedDuration(plan));
    }
  }

  static final class Figures {
    final int planRequests;
    final int requests;
    final Map<String, Integer> byKind;
    final Duration wallTime;
    final Duration estimate;

    Figures(int planRequests, int requests, Map<String, Integer> byKind, Duration wallTime, Duration estimate) {
      this.planRequests = planRequests;
      this.requests = requests;
      this.byKind = byKind;
      this.wallTime = wallTime;
      this.estimate = estimate;
    }

    @Override
    public String toString() {
      return requests + " requests (" + planRequests + " to plan), " + wallTime.getSeconds() + " s on the fake's "
          + "clock (estimate " + estimate.getSeconds() + " s); " + byKind;
    }
  }

  @Test
  void fiftyGroups_renamesVisibleAtOnce_takeTheRenamePacing() {
    Figures figures = migrate(Duration.ZERO);
    System.out.println("50 groups, renames visible at once: " + figures);

    // 49 intervals of 6 s between 50 renames: the estimate is the wall time.
    assertThat(figures.wallTime).isEqualTo(Duration.ofSeconds(294)).isEqualTo(figures.estimate);
    // The plan reads 9 lists; apply reads them again, then 8 requests a group: find the account group, create it,
    // read it back, rename the local group, see the rename in the list, assign, read the assignments, move the
    // permissions (one call answering 0).
    assertThat(figures.planRequests).isEqualTo(9);
    assertThat(figures.requests).isEqualTo(2 * 9 + 8 * GROUPS);
  }

  @Test
  void fiftyGroups_renamesVisibleAfterFifteenSeconds_takeTheVisibilityWaits() {
    Figures figures = migrate(Duration.ofSeconds(15));
    System.out.println("50 groups, renames visible after 15 s: " + figures);

    // Each rename is polled every 5 s until it shows (15 s), longer than the 6 s pacing, which it hides.
    assertThat(figures.wallTime).isEqualTo(Duration.ofSeconds(15 * GROUPS));
    // Three more list reads per group: the polls at 5, 10 and 15 s.
    assertThat(figures.requests).isEqualTo(2 * 9 + 11 * GROUPS);
  }
}
