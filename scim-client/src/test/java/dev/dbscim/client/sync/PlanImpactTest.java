package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.core.json.ScimJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a plan shows its impact (summary, table, JSON) and how apply gates on it; the impact is built by hand here, and
 * no request is sent (the client points at a host never contacted).
 */
class PlanImpactTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  final ScimAccountClient account = ScimAccountClient.builder()
      .endpoint(URI.create("https://accounts.example.invalid")).accountId("acc")
      .credentials(TokenCredentials.of("never-sent")).build();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void close() {
    account.close();
  }

  SyncEngine engine(SyncOptions options) {
    return SyncEngine.builder().target(SyncTarget.account(account)).options(options).clock(clock).build();
  }

  static final PrincipalRef BOB = PrincipalRef.of(PrincipalKind.USER, "bob@example.com", "11");
  static final PrincipalRef CAROL = PrincipalRef.of(PrincipalKind.USER, "carol@example.com", "12");

  static WorkspaceObject job(String id, boolean scheduled) {
    return WorkspaceObject.builder().kind(WorkspaceObject.Kind.JOB).id(id).name("job " + id).active(scheduled)
        .state(scheduled ? "scheduled" : "").addTies(ObjectTie.of(ObjectTie.Role.CREATOR, "bob@example.com")).build();
  }

  static WorkspaceObject token(String id, Instant expiry) {
    return WorkspaceObject.builder().kind(WorkspaceObject.Kind.TOKEN).id(id).active(true).expiresAt(expiry)
        .addTies(ObjectTie.of(ObjectTie.Role.OWNER, 11, "bob@example.com")).build();
  }

  static PlanImpact impact() {
    RemovalImpact bob = RemovalImpact.builder().principal(BOB).cause(RemovalImpact.Cause.DELETE)
        .addWorkspaces(OwnedObjects.builder().workspaceId(1001).addObjects(job("1", true), job("2", true),
            job("3", false), token("t1", NOW.plus(Duration.ofDays(3))), token("t2", NOW.minusSeconds(1))).build())
        .addUnreadWorkspaces("workspace 1003 (no credentials configured)").build();
    RemovalImpact carol = RemovalImpact.builder().principal(CAROL).cause(RemovalImpact.Cause.DEACTIVATE).build();
    WorkspaceAccessChanges access = WorkspaceAccessChanges.builder().workspaceId(1001)
        .addChanges(AccessChange.builder().principal(BOB).before(AccessLevel.USER).after(AccessLevel.NONE)
            .addPathsBefore("group data-eng").removal("deleted").build())
        .addChanges(AccessChange.builder().principal(CAROL).before(AccessLevel.ADMIN).after(AccessLevel.USER)
            .addPathsBefore("group admins-eng").addPathsAfter("direct").build())
        .addUnreadGroups("legacy-team").build();
    return PlanImpact.builder().asOf(NOW).objectsRead(true).listsRead(16).addAccess(access)
        .addAccess(WorkspaceAccessChanges.builder().workspaceId(1002).build()).addLosingAllAccess(BOB)
        .addRemovals(bob, carol).addDeepReadCost("workspace 1001: 3 jobs, 3 calls (not read)")
        .addWarnings("workspace 1003: not read, no credentials configured").build();
  }

  SyncPlan planWithImpact(SyncEngine engine) {
    SyncPlan plan = engine.plan(Directory.builder().build(), CurrentState.empty());
    return SyncPlan.builder().from(plan).impact(impact()).build();
  }

  @Test
  void summary_countsPerWorkspace_losingAllAccess_andWhatBreaks() {
    String summary = planWithImpact(engine(SyncOptions.defaults())).summary();

    assertThat(summary)
        .contains("workspace 1001: 1 lose access, 0 gain, 0 USER -> ADMIN, 1 ADMIN -> USER, 1 group(s) not read")
        .contains("workspace 1002: no change")
        .contains("1 principal(s) lose all access: bob@example.com")
        .contains("Impact: 2 principal(s) checked, 16 list(s) read; 1 would break active objects:")
        // The expired token is not active; the paused job is owned but not breaking.
        .contains("bob@example.com owns 3 jobs (2 scheduled), 2 tokens (1 active) in workspace 1001; not read: "
            + "workspace 1003 (no credentials configured)")
        .contains("apply refuses this plan unless allowed explicitly")
        .contains("Deep reads: workspace 1001: 3 jobs, 3 calls (not read)")
        .contains("Impact warning: workspace 1003: not read, no credentials configured");
  }

  @Test
  void table_listsEveryAccessChangeAndEveryCheckedPrincipal() {
    String table = planWithImpact(engine(SyncOptions.defaults())).table();

    assertThat(table).contains("Access changes").contains("Removal impact");
    assertThat(table).containsPattern("1001 +user +bob@example.com +USER +NONE +deleted; had group data-eng");
    assertThat(table).containsPattern(
        "1001 +user +carol@example.com +ADMIN +USER +lost via group admins-eng; keeps USER via direct");
    assertThat(table).containsPattern("bob@example.com +delete +workspace 1001 +yes +3 jobs \\(2 scheduled\\)");
    assertThat(table).containsPattern("bob@example.com +delete +workspace 1003 \\(no credentials configured\\) "
        + "+unknown +not read");
    assertThat(table).containsPattern("carol@example.com +deactivate +- +no +nothing in the workspaces read");
  }

  @Test
  void json_carriesTheImpact_andReadingItBackIgnoresIt() throws Exception {
    SyncPlan plan = planWithImpact(engine(SyncOptions.defaults()));
    JsonNode impact = ScimJson.mapper().readTree(plan.toJson()).get("impact");

    assertThat(impact.get("breaking").asInt()).isEqualTo(1);
    assertThat(impact.get("allowed").asBoolean()).isFalse();
    assertThat(impact.at("/access/0/counts/lose").asInt()).isEqualTo(1);
    assertThat(impact.at("/access/0/changes/0/removal").asText()).isEqualTo("deleted");
    assertThat(impact.at("/access/0/unreadGroups/0").asText()).isEqualTo("legacy-team");
    assertThat(impact.at("/losingAllAccess/0/name").asText()).isEqualTo("bob@example.com");
    assertThat(impact.at("/removals/0/breaks").asBoolean()).isTrue();
    assertThat(impact.at("/removals/0/workspaces/0/workspaceId").asLong()).isEqualTo(1001);
    assertThat(impact.at("/removals/0/workspaces/0/objects/3/kind").asText()).isEqualTo("TOKEN");
    assertThat(impact.at("/removals/0/workspaces/0/objects/3/active").asBoolean()).isTrue();
    assertThat(impact.at("/removals/0/workspaces/0/objects/4/active").asBoolean()).isFalse();
    assertThat(impact.at("/removals/0/workspaces/0/objects/3/ties/0/principalId").asLong()).isEqualTo(11);
    assertThat(impact.at("/removals/0/unreadWorkspaces/0").asText()).startsWith("workspace 1003");
    assertThat(impact.at("/warnings/0").asText()).contains("no credentials configured");

    SyncPlan readBack = SyncPlan.fromJson(plan.toJson());
    assertThat(readBack.impact().objectsRead()).isFalse();
    assertThat(readBack.impact().removals()).isEmpty();
  }

  @Test
  void apply_refusesBreakingRemovals_beforeAnyRequest_listingWhatBreaks() {
    SyncEngine engine = engine(SyncOptions.defaults());
    SyncPlan plan = planWithImpact(engine);

    assertThatThrownBy(() -> engine.apply(plan))
        .isInstanceOf(ImpactNotAllowedException.class)
        .hasMessageContaining("bob@example.com owns 3 jobs (2 scheduled)")
        .hasMessageContaining("--allow-impact")
        .satisfies(e -> assertThat(((ImpactNotAllowedException) e).breaking()).hasSize(1));
  }

  @Test
  void apply_goesAhead_whenThePlanOrTheRunAllowsIt() {
    SyncEngine engine = engine(SyncOptions.defaults());
    assertThat(engine.apply(planWithImpact(engine).allowImpact()).results()).isEmpty();

    SyncEngine allowing = engine(SyncOptions.builder().allowImpact(true).build());
    assertThat(allowing.apply(planWithImpact(allowing)).results()).isEmpty();
  }

  @Test
  void apply_goesAhead_whenOnlyExpiredOrInactiveObjectsAreOwned() {
    SyncEngine engine = engine(SyncOptions.defaults());
    RemovalImpact quiet = RemovalImpact.builder().principal(BOB).cause(RemovalImpact.Cause.DEACTIVATE)
        .addWorkspaces(OwnedObjects.builder().workspaceId(1001)
            .addObjects(job("3", false), token("t2", NOW.minusSeconds(1))).build()).build();
    SyncPlan plan = SyncPlan.builder().from(engine.plan(Directory.builder().build(), CurrentState.empty()))
        .impact(PlanImpact.builder().asOf(NOW).objectsRead(true).addRemovals(quiet).build()).build();

    assertThat(plan.impact().breaking()).isEmpty();
    assertThat(engine.apply(plan).results()).isEmpty();
  }

  @Test
  void ownedObjects_withoutWorkspaceId_isTheWorkspaceTarget() {
    OwnedObjects owned = OwnedObjects.builder().workspaceId(OptionalLong.empty()).addObjects(job("1", true)).build();
    assertThat(owned.summary(NOW)).isEqualTo("1 scheduled job in the workspace");
    assertThat(List.of(owned.label())).containsExactly("the workspace");
  }
}
