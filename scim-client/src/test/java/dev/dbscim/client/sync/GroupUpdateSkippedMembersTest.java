package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.Group;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A group update whose only change is adding members whose creation failed has nothing left to send: it sends no
 * PATCH (a PATCH request has at least one operation, RFC 7644 section 3.5.2) and reports the skipped members.
 */
@Timeout(30)
class GroupUpdateSkippedMembersTest {

  @Test
  void apply_groupUpdateWhoseOnlyMemberFailedToBeCreated_sendsNoPatchAndReportsTheSkip() {
    try (FakeScimServer server = FakeScimServer.builder().build().start();
        ScimAccountClient client = FakeClients.account(server)) {
      server.state().seed(Group.builder().displayName("analysts").externalId("idp-g-1").build());
      SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).options(SyncOptions.defaults())
          .build();
      Directory directory = Directory.builder()
          .addUsers(DirectoryUser.builder("zed@example.com").build())
          .addGroups(DirectoryGroup.builder("analysts").externalId("idp-g-1").memberUsers("zed@example.com").build())
          .build();
      server.failNext(Fault.status(400).on("POST", ".*/Users$"));

      SyncReport report = engine.apply(engine.plan(directory));

      OperationResult update = report.results().stream()
          .filter(r -> r.operation().action() == Action.UPDATE
              && r.operation().principal().kind() == PrincipalKind.GROUP)
          .findFirst().orElseThrow(AssertionError::new);
      assertThat(update.outcome()).as(update.toString()).isEqualTo(OperationResult.Outcome.SUCCEEDED);
      assertThat(update.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("1 member(s) skipped"));
      assertThat(server.recordedRequests()).noneMatch(call -> call.method().equals("PATCH"));
    }
  }
}
