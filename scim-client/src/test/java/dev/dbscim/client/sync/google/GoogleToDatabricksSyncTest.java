package dev.dbscim.client.sync.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.Group;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.google.FakeGoogleDirectory;
import dev.dbscim.testkit.google.FakeGoogleUser;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: a Google directory of a few thousand users (nested groups, suspended users, several pages, a quota
 * error midway) read by {@link GoogleDirectorySource}, planned and applied by the sync engine into the fake
 * Databricks account, then synced again with nothing to do, then a change in Google synced through.
 */
@Timeout(120)
class GoogleToDatabricksSyncTest {
  static final int USERS = 2_500;
  static final String ADMIN = "admin@example.com";

  final FakeGoogleDirectory google = FakeGoogleDirectory.create();
  final FakeScimServer databricks = FakeScimServer.builder().workspaces(1).build().start();
  final ScimAccountClient account = FakeClients.account(databricks);

  @AfterEach
  void close() {
    account.close();
    databricks.close();
    google.close();
  }

  GoogleDirectorySource source() {
    return GoogleDirectorySource.builder()
        .credentials(GoogleCredentials.serviceAccountKeyJson(
            google.newServiceAccountKeyJson("sync@project.iam.gserviceaccount.com"), ADMIN))
        .baseUrl(google.baseUrl())
        .tokenUrl(google.tokenUrl())
        .sleeper(Sleeper.noWait())
        .build();
  }

  @Test
  void googleDirectory_syncsIntoDatabricks_convergesAndFollowsChanges() {
    google.addUser(FakeGoogleUser.builder(ADMIN).admin(true).build());
    for (int i = 0; i < USERS; i++) {
      google.addUser(FakeGoogleUser.builder("user" + i + "@example.com").name("User", "Number " + i)
          .suspended(i % 100 == 0).build());
    }
    for (int g = 0; g < 50; g++) {
      String email = "team-" + g + "@example.com";
      google.addGroup(email, "Team " + g);
      for (int m = 0; m < 30; m++) {
        google.addMember(email, "user" + ((g * 37 + m * 11) % USERS) + "@example.com");
      }
    }
    google.addGroup("engineering@example.com", "Engineering");
    for (int g = 0; g < 10; g++) {
      google.addMember("engineering@example.com", "team-" + g + "@example.com");   // nested groups
    }
    google.addCustomerMember("engineering@example.com");                           // reported and skipped
    // A quota error in the middle of the user pages: retried after backoff.
    google.failNext(Fault.status(403).on("GET", "/users").times(1), FakeGoogleDirectory.RATE_LIMIT_EXCEEDED);

    GoogleDirectorySource source = source();
    SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(account)).build();
    SyncPlan plan = engine.plan(source);
    SyncReport report = engine.apply(plan);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(source.lastReport().get().skippedMembers()).isNotEmpty();
    assertThat(google.recordedRequests()).anySatisfy(r -> assertThat(r.status()).isEqualTo(403));
    assertThat(databricks.state().userByName("user1@example.com").get().displayName()).contains("User Number 1");
    assertThat(databricks.state().userByName("user100@example.com").get().active()).contains(false);
    Group engineering = databricks.state().groupByName("engineering@example.com").orElseThrow(AssertionError::new);
    Set<String> nested = new TreeSet<>();
    for (String id : databricks.state().members(engineering.id().get())) {
      databricks.state().group(id).ifPresent(group -> nested.add(group.displayName()));
    }
    assertThat(nested).hasSize(10).contains("team-0@example.com", "team-9@example.com");

    assertThat(engine.plan(source).isEmpty()).isTrue();

    // Changes in Google flow through: a user suspended, a new member, a renamed person.
    google.addUser(FakeGoogleUser.builder("newcomer@example.com").name("New", "Comer").build());
    google.addMember("team-3@example.com", "newcomer@example.com");
    SyncPlan change = engine.plan(source);
    assertThat(change.operations()).hasSize(2);   // create newcomer, one membership PATCH for team-3
    assertThat(engine.apply(change).isSuccess()).isTrue();
    assertThat(engine.plan(source).isEmpty()).isTrue();
  }
}
