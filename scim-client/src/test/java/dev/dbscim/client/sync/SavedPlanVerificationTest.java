package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.sync.DeletionThresholdExceededException;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.OperationResult;
import dev.dbscim.client.sync.Ownership;
import dev.dbscim.client.sync.PlannedOperation;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.RemovalPolicy;
import dev.dbscim.client.sync.StalePlanException;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncOptions;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.client.sync.SyncReport;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.patch.PatchOp;
import dev.dbscim.core.patch.PatchOperation;
import dev.dbscim.core.patch.PatchRequest;
import dev.dbscim.testkit.FakeScimServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A saved plan is verified, never trusted: applying one re-reads the target, re-plans from the directory and options
 * the plan records, and refuses the whole plan when the steps differ; safety rules come from the applying engine; and
 * every removal checks its id just before it is sent.
 */
@Timeout(30)
class SavedPlanVerificationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SyncOptions DELETE = SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE).build();

  FakeScimServer server;
  ScimAccountClient client;
  User admin;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).build().start();
    client = FakeClients.account(server);
    // A principal made by hand (no externalId): never the sync's to remove.
    admin = server.state().seed(User.builder().userName("admin@example.com").displayName("Admin").build());
    SyncReport setup = engine(SyncOptions.defaults()).sync(() -> two());
    assertThat(setup.isSuccess()).as(setup.summary()).isTrue();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  SyncEngine engine(SyncOptions options) {
    return SyncEngine.builder().target(SyncTarget.account(client)).options(options).concurrency(2).build();
  }

  static Directory two() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada").build(),
            DirectoryUser.builder("bob@example.com").displayName("Bob").build())
        .addGroups(DirectoryGroup.builder("g1").memberUsers("ada@example.com", "bob@example.com").build())
        .build();
  }

  static Directory one() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada").build())
        .addGroups(DirectoryGroup.builder("g1").memberUsers("ada@example.com").build())
        .build();
  }

  static Directory withCarol() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("ada@example.com").displayName("Ada").build(),
            DirectoryUser.builder("bob@example.com").displayName("Bob").build(),
            DirectoryUser.builder("carol@example.com").displayName("Carol").build())
        .addGroups(DirectoryGroup.builder("g1").memberUsers("ada@example.com", "bob@example.com").build())
        .build();
  }

  /** Saves a plan, edits its JSON, and reads it back, as a person with a text editor would. */
  static SyncPlan edited(SyncPlan plan, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(plan.toJson());
    edit.accept(root);
    return SyncPlan.fromJson(JSON.writeValueAsString(root));
  }

  static ObjectNode step(ObjectNode root, Action action, String name) {
    for (JsonNode operation : root.get("operations")) {
      if (operation.get("action").asText().equals(action.name())
          && operation.get("principal").get("name").asText().equals(name)) {
        return (ObjectNode) operation;
      }
    }
    throw new AssertionError("no " + action + " of " + name + " in " + root);
  }

  static PatchRequest rename(String displayName) {
    return PatchRequest.builder()
        .addOperations(PatchOperation.of(PatchOp.REPLACE, "displayName", TextNode.valueOf(displayName))).build();
  }

  long writes() {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET")).count();
  }

  SyncPlan savedDeletePlan() {
    SyncPlan plan = engine(DELETE).plan(one());
    assertThat(plan.count(Action.DELETE, PrincipalKind.USER)).isEqualTo(1);
    return plan;
  }

  @Test
  void anUntouchedSavedPlan_isVerifiedAndApplied_byAnotherEngine() {
    SyncPlan saved = SyncPlan.fromJson(savedDeletePlan().toJson());

    SyncReport report = engine(SyncOptions.defaults()).apply(saved);

    assertThat(report.isSuccess()).as(report.summary()).isTrue();
    assertThat(server.state().userByName("bob@example.com")).isEmpty();
    assertThat(server.state().user(admin.id().get())).isPresent();
    assertThat(engine(DELETE).plan(one()).isEmpty()).isTrue();
  }

  @Test
  void anEditedPrincipalId_refusesTheWholePlan_andSendsNothing() throws Exception {
    SyncPlan tampered = edited(savedDeletePlan(),
        root -> step(root, Action.DELETE, "bob@example.com").with("principal").put("id", admin.id().get()));
    assertThat(tampered.table()).contains("bob@example.com");
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(SyncOptions.defaults()).apply(tampered))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("delete user bob@example.com (id " + admin.id().get() + ")")
        .hasMessageContaining("nothing was sent");

    assertThat(writes()).isZero();
    assertThat(server.state().user(admin.id().get())).isPresent();
    assertThat(server.state().userByName("bob@example.com")).isPresent();
  }

  @Test
  void anEditedNameOnTheRightId_isRefusedToo() throws Exception {
    String bobId = server.state().userByName("bob@example.com").get().id().get();
    SyncPlan tampered = edited(savedDeletePlan(),
        root -> step(root, Action.DELETE, "bob@example.com").with("principal").put("name", "eve@example.com"));
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(SyncOptions.defaults()).verify(tampered))
        .isInstanceOf(StalePlanException.class)
        .satisfies(e -> assertThat(((StalePlanException) e).differences()).containsExactly(
            "delete user eve@example.com (id " + bobId + "): a fresh plan does not do this",
            "delete user bob@example.com (id " + bobId + "): a fresh plan does this, the saved plan does not"));
    assertThat(writes()).isZero();
  }

  @Test
  void anEditedResourceToCreate_isRefused() throws Exception {
    SyncPlan plan = engine(SyncOptions.defaults()).plan(withCarol());
    SyncPlan tampered = edited(plan,
        root -> step(root, Action.CREATE, "carol@example.com").with("resource").put("userName", "mallory@example.com"));
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(SyncOptions.defaults()).apply(tampered))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("create user carol@example.com: the resource to create differs");

    assertThat(writes()).isZero();
    assertThat(server.state().userByName("mallory@example.com")).isEmpty();
    assertThat(server.state().userByName("carol@example.com")).isEmpty();
  }

  @Test
  void anAddedStep_isRefused() throws Exception {
    SyncPlan tampered = edited(savedDeletePlan(), root -> {
      ObjectNode extra = root.withArray("operations").addObject();
      extra.put("index", 99).put("phase", 9).put("action", "DELETE");
      extra.putObject("principal").put("kind", "USER").put("name", "admin@example.com").put("id", admin.id().get());
    });

    assertThatThrownBy(() -> engine(DELETE).apply(tampered))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("delete user admin@example.com (id " + admin.id().get() + "): a fresh plan does not");
    assertThat(server.state().user(admin.id().get())).isPresent();
  }

  @Test
  void theFilesDeletionThreshold_isNeverRead_theApplyingEnginesIs() throws Exception {
    List<DirectoryUser> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(DirectoryUser.builder("user" + i + "@example.com").build());
    }
    SyncEngine permissive = engine(SyncOptions.builder()
        .deletionThreshold(dev.dbscim.client.sync.DeletionThreshold.of(1000, 100)).build());
    assertThat(permissive.sync(() -> Directory.builder().users(many).build()).isSuccess()).isTrue();
    SyncPlan deactivateAll = engine(SyncOptions.defaults()).plan(Directory.builder().build());
    // The 30 users (ada and bob were deactivated by the sync above).
    assertThat(deactivateAll.removalCount()).isEqualTo(30);
    SyncPlan raised = edited(deactivateAll, root -> {
      root.with("deletionThreshold").put("maxRemovals", 1000).put("maxPercent", 100.0);
      root.put("exceedsDeletionThreshold", false);
    });
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(SyncOptions.defaults()).apply(raised))
        .isInstanceOf(DeletionThresholdExceededException.class)
        .satisfies(e -> assertThat(((DeletionThresholdExceededException) e).threshold().maxPercent()).isEqualTo(20));

    assertThat(writes()).isZero();
    assertThat(server.state().userByName("user0@example.com").get().active()).contains(true);
  }

  @Test
  void ownershipAndProtectedNames_comeFromTheApplyingEngine() {
    // Planned with Ownership.ALL: the hand-made admin is deleted too.
    SyncPlan greedy = engine(DELETE.toBuilder().ownership(Ownership.ALL).build()).plan(one());
    assertThat(greedy.table()).contains("admin@example.com");
    SyncPlan saved = SyncPlan.fromJson(greedy.toJson());

    assertThatThrownBy(() -> engine(DELETE).apply(saved))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("delete user admin@example.com");
    SyncEngine protecting = engine(DELETE.toBuilder().addProtectedNames("bob@example.com").build());
    assertThatThrownBy(() -> protecting.apply(SyncPlan.fromJson(savedDeletePlan().toJson())))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("delete user bob@example.com");
    assertThat(server.state().userByName("bob@example.com")).isPresent();
    assertThat(server.state().user(admin.id().get())).isPresent();
  }

  @Test
  void drift_aUserDeletedByHand_refusesThePlan() {
    SyncPlan saved = SyncPlan.fromJson(savedDeletePlan().toJson());
    client.users().delete(server.state().userByName("bob@example.com").get().id().get());

    assertThatThrownBy(() -> engine(DELETE).apply(saved))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("delete user bob@example.com");
  }

  @Test
  void drift_aUserAddedByHand_refusesAPlanThatWouldCreateIt() {
    SyncPlan saved = SyncPlan.fromJson(engine(SyncOptions.defaults()).plan(withCarol()).toJson());
    client.users().create(User.builder().userName("carol@example.com").displayName("Carol by hand").build());
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(SyncOptions.defaults()).apply(saved))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("create user carol@example.com: a fresh plan does not do this");
    assertThat(writes()).isZero();
  }

  @Test
  void drift_aUserRenamedByHand_refusesThePlan() {
    SyncPlan saved = SyncPlan.fromJson(savedDeletePlan().toJson());
    String adaId = server.state().userByName("ada@example.com").get().id().get();
    client.users().patch(adaId, PatchRequest.builder()
        .addOperations(PatchOperation.of(PatchOp.REPLACE, "displayName", TextNode.valueOf("Ada by hand"))).build());
    server.clearRecordedRequests();

    assertThatThrownBy(() -> engine(DELETE).apply(saved))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("update user ada@example.com (id " + adaId + "): a fresh plan does this");
    assertThat(writes()).isZero();
    assertThat(server.state().userByName("bob@example.com")).isPresent();
  }

  @Test
  void drift_aGroupRenamedByHand_refusesThePlan() {
    SyncPlan saved = SyncPlan.fromJson(savedDeletePlan().toJson());
    Group g1 = server.state().groupByName("g1").get();
    client.groups().patch(g1.id().get(), rename("renamed-by-hand"));

    assertThatThrownBy(() -> engine(DELETE).apply(saved))
        .isInstanceOf(StalePlanException.class)
        .hasMessageContaining("create group g1: a fresh plan does this, the saved plan does not")
        .hasMessageContaining("delete group renamed-by-hand (id " + g1.id().get() + "): a fresh plan does this");
    assertThat(server.state().userByName("bob@example.com")).isPresent();
  }

  @Test
  void aSavedPlanForAnotherTarget_isRefused() {
    SyncPlan saved = SyncPlan.fromJson(savedDeletePlan().toJson());
    try (ScimWorkspaceClient workspace = FakeClients.workspace(server, server.workspaces().get(0).id())) {
      SyncEngine other = SyncEngine.builder().target(SyncTarget.workspace(workspace)).build();
      assertThatThrownBy(() -> other.apply(saved)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was made for account");
    }
  }

  @Test
  void aPlanSavedByAnEarlierVersion_isRefusedWithAReason() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(savedDeletePlan().toJson());
    root.put("format", "dbscim-sync-plan/1");
    root.remove("directory");

    assertThatThrownBy(() -> SyncPlan.fromJson(JSON.writeValueAsString(root)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saved by an earlier dbscim").hasMessageContaining("make a new plan");
  }

  @Test
  void aRemoval_checksItsIdJustBeforeItIsSent() {
    SyncEngine engine = engine(DELETE);
    SyncPlan plan = engine.plan(one());
    // Between plan and apply (a person at the prompt), bob is taken out of the sync's hands: no externalId any more.
    String bobId = server.state().userByName("bob@example.com").get().id().get();
    client.users().patch(bobId, PatchRequest.builder()
        .addOperations(PatchOperation.of(PatchOp.REMOVE, "externalId", null)).build());

    SyncReport report = engine.apply(plan);

    OperationResult delete = report.results().stream()
        .filter(result -> result.operation().action() == Action.DELETE).findFirst().get();
    assertThat(delete.outcome()).isEqualTo(OperationResult.Outcome.FAILED);
    assertThat(delete.detail()).get().asString().contains("user bob@example.com is not managed by this sync (it has no externalId)")
        .contains("nothing was removed");
    assertThat(server.state().userByName("bob@example.com")).isPresent();
  }

  @Test
  void aRemoval_whoseIdNamesAnotherPrincipalNow_fails() {
    SyncEngine engine = engine(DELETE);
    Directory withG2 = one().toBuilder()
        .addGroups(DirectoryGroup.builder("g2").build()).build();
    assertThat(engine.sync(() -> withG2).isSuccess()).isTrue();
    SyncPlan plan = engine.plan(one());
    PlannedOperation deleteG2 = plan.operations().stream()
        .filter(op -> op.action() == Action.DELETE && op.principal().name().equals("g2")).findFirst().get();
    client.groups().patch(deleteG2.principal().id().get(), rename("keep-me"));

    SyncReport report = engine.apply(plan);

    OperationResult result = report.results().get(deleteG2.index());
    assertThat(result.outcome()).isEqualTo(OperationResult.Outcome.FAILED);
    assertThat(result.detail()).get().asString().contains("now names keep-me").contains("nothing was removed");
    assertThat(server.state().groupByName("keep-me")).isPresent();
  }
}
