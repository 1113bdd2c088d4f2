package dev.dbscim.examples.cli;

import static dev.dbscim.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.model.User;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reproductions of issue 14: a saved plan edited by hand, or stale, is refused with exit code 4. */
@Timeout(60)
class SavedPlanCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TWO = "{\"users\": [{\"userName\": \"ada@example.com\"}, {\"userName\": \"bob@example.com\"}],"
      + " \"groups\": [{\"displayName\": \"g1\", \"members\": {\"users\": [\"ada@example.com\", \"bob@example.com\"]}}]}";
  static final String ONE = "{\"users\": [{\"userName\": \"ada@example.com\"}],"
      + " \"groups\": [{\"displayName\": \"g1\", \"members\": {\"users\": [\"ada@example.com\"]}}]}";
  static final String THREE = "{\"users\": [{\"userName\": \"ada@example.com\"}, {\"userName\": \"bob@example.com\"},"
      + " {\"userName\": \"carol@example.com\"}],"
      + " \"groups\": [{\"displayName\": \"g1\", \"members\": {\"users\": [\"ada@example.com\", \"bob@example.com\"]}}]}";

  @TempDir
  Path dir;
  FakeScimServer server;
  User admin;

  @BeforeEach
  void start() throws IOException {
    server = FakeScimServer.builder().workspaces(1).build().start();
    admin = server.state().seed(User.builder().userName("admin@example.com").displayName("Account admin").build());
    CliRun setup = run(environment(), "apply", "--yes", write("two.json", TWO));
    assertThat(setup.exitCode).as(setup.toString()).isZero();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Map<String, String> environment() {
    return CliRun.accountEnvironment(server);
  }

  String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file.toString();
  }

  String plan(String directory, String... options) throws IOException {
    String out = dir.resolve("p.json").toString();
    String[] args = new String[options.length + 4];
    args[0] = "plan";
    args[1] = write("directory.json", directory);
    args[2] = "--out";
    args[3] = out;
    System.arraycopy(options, 0, args, 4, options.length);
    CliRun plan = run(environment(), args);
    assertThat(plan.exitCode).as(plan.toString()).isZero();
    return out;
  }

  static void edit(String planFile, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of(planFile)));
    edit.accept(root);
    Files.write(Path.of(planFile), JSON.writeValueAsBytes(root));
  }

  static ObjectNode step(ObjectNode root, String action, String name) {
    for (JsonNode operation : root.get("operations")) {
      if (operation.get("action").asText().equals(action)
          && operation.get("principal").get("name").asText().equals(name)) {
        return (ObjectNode) operation;
      }
    }
    throw new AssertionError("no " + action + " of " + name);
  }

  long writes() {
    return server.recordedRequests().stream().filter(call -> !call.method().equals("GET")).count();
  }

  @Test
  void anEditedId_isRefusedWithExitCode4_andTheAdminStays() throws IOException {
    String planFile = plan(ONE, "--removal-policy", "delete");
    edit(planFile, root -> step(root, "DELETE", "bob@example.com").with("principal").put("id", admin.id().get()));
    server.clearRecordedRequests();

    CliRun apply = run(environment(), "apply", "--yes", "--plan", planFile);

    assertThat(apply.exitCode).as(apply.toString()).isEqualTo(DbscimCli.EXIT_STALE_PLAN);
    assertThat(apply.err)
        .contains("The plan is not what a fresh plan would do now")
        .contains("delete user bob@example.com (id " + admin.id().get() + "): the id is " + admin.id().get()
            + " in the saved plan but " + server.state().userByName("bob@example.com").get().id().get() + " now")
        .contains("nothing was sent")
        .contains("Run 'dbscim plan' again");
    assertThat(writes()).isZero();
    assertThat(server.state().user(admin.id().get())).isPresent();
    assertThat(server.state().userByName("bob@example.com")).isPresent();
  }

  @Test
  void anEditedUserName_createsNothing() throws IOException {
    String planFile = plan(THREE);
    edit(planFile, root -> step(root, "CREATE", "carol@example.com").with("resource")
        .put("userName", "mallory@example.com"));
    server.clearRecordedRequests();

    CliRun apply = run(environment(), "apply", "--yes", "--plan", planFile);

    assertThat(apply.exitCode).as(apply.toString()).isEqualTo(DbscimCli.EXIT_STALE_PLAN);
    assertThat(apply.err).contains("create user carol@example.com: the resource to create differs");
    assertThat(writes()).isZero();
    assertThat(server.state().userByName("mallory@example.com")).isEmpty();
  }

  @Test
  void raisedThresholdNumbersInTheFile_areIgnored_andTheAdviceWorks() throws IOException {
    StringBuilder thirty = new StringBuilder("{\"users\": [");
    for (int i = 0; i < 30; i++) {
      thirty.append(i == 0 ? "" : ", ").append("{\"userName\": \"user").append(i).append("@example.com\"}");
    }
    CliRun setup = run(environment(), "apply", "--yes", "--allow-removals-above-threshold",
        write("thirty.json", thirty.append("]}").toString()));
    assertThat(setup.exitCode).as(setup.toString()).isZero();
    String planFile = plan("{}");
    edit(planFile, root -> {
      root.with("deletionThreshold").put("maxRemovals", 1000).put("maxPercent", 100.0);
      root.put("exceedsDeletionThreshold", false);
    });
    server.clearRecordedRequests();

    CliRun apply = run(environment(), "apply", "--yes", "--plan", planFile);

    assertThat(apply.exitCode).as(apply.toString()).isEqualTo(DbscimCli.EXIT_THRESHOLD);
    assertThat(apply.err).contains("deactivates or deletes 30 of ")
        .contains("--allow-removals-above-threshold").contains("--max-removals");
    assertThat(writes()).isZero();
    assertThat(server.state().userByName("user0@example.com").get().active()).contains(true);

    // The advice works on apply --plan: this run's own threshold.
    CliRun allowed = run(environment(), "apply", "--yes", "--plan", planFile, "--max-removals", "30",
        "--max-removal-percent", "100");
    assertThat(allowed.exitCode).as(allowed.toString()).isZero();
    assertThat(server.state().userByName("user0@example.com").get().active()).contains(false);
  }

  @Test
  void drift_aUserDeletedByHandAfterPlanning_refusesThePlan() throws IOException {
    String planFile = plan(ONE, "--removal-policy", "delete");
    server.state().userByName("bob@example.com").ifPresent(bob -> {
      try (dev.dbscim.client.ScimAccountClient client = EmbeddedFakeClients.account(server)) {
        client.users().delete(bob.id().get());
      }
    });
    server.clearRecordedRequests();

    CliRun apply = run(environment(), "apply", "--yes", "--plan", planFile);

    assertThat(apply.exitCode).as(apply.toString()).isEqualTo(DbscimCli.EXIT_STALE_PLAN);
    assertThat(apply.err).contains("delete user bob@example.com");
    assertThat(writes()).isZero();
  }
}
