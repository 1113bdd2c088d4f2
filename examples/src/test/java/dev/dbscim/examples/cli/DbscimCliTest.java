package dev.dbscim.examples.cli;

import static dev.dbscim.examples.cli.CliRun.resource;
import static dev.dbscim.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.sync.PlannedOperation.Action;
import dev.dbscim.client.sync.PrincipalKind;
import dev.dbscim.client.sync.SyncPlan;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.User;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DbscimCliTest {
  static final String SMALL = resource("small-directory.json");
  static final String SMALLER = resource("smaller-directory.json");
  static final String INVALID = resource("invalid-directory.json");

  FakeScimServer server;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).nonFederatedWorkspaces(1).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The variables of a "real" account: the test's own fake, reached like Databricks. */
  Map<String, String> accountEnvironment() {
    return CliRun.accountEnvironment(server);
  }

  static void assertNoStackTrace(CliRun run) {
    assertThat(run.err).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  @Test
  void demo_smallDirectory_provisionsThenPlansNoChanges() {
    CliRun run = run("demo", "--directory", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .contains("has 5 users, 1 service principal, 2 groups and 2 workspace assignments")
        .contains("First sync")
        .contains("Applied to account")
        .contains("Second sync")
        .contains("No changes.")
        .containsPattern("Second sync: planned in \\d+ ms \\(\\d+ read request\\(s\\), 0 write request\\(s\\)\\)")
        .containsPattern("applied in \\d+ ms \\(0 read request\\(s\\), 10 write request\\(s\\)\\)");
    assertThat(run.err).contains("Progress: 10/10 (100%)");
  }

  @Test
  void demo_thirdSync_showsWhatTheLeaverBreaks_applyRefuses_thenAppliesWithImpactAllowed() {
    CliRun run = run("demo", "--directory", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    String third = run.out.substring(run.out.indexOf("Third sync"));
    assertThat(third)
        .startsWith("Third sync (ada@example.com left; they own a scheduled job and a token in workspace 1001)")
        .contains("deactivate")
        .contains("ada@example.com owns 1 scheduled job")
        .contains("Apply refused (0 write requests sent): ada@example.com owns")
        .contains("Applying with impact allowed")
        .contains("2 succeeded, 0 failed")
        .doesNotContain("Apply did not refuse");
  }

  @Test
  void noCommand_runsTheDemoOnTheBundledDirectoryWithoutWarnings() {
    assumeTrue(DbscimCli.class.getResource(DemoCommand.DEMO_DIRECTORY) != null,
        "the bundled demo directory is not in this build yet");

    CliRun run = run();

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("dbscim demo: the bundled demo directory has").contains("No changes.")
        .contains("Apply refused (0 write requests sent)");
    assertThat(run.out + run.err).as(run.toString()).doesNotContainIgnoringCase("warning");
  }

  @Test
  void demo_withoutBundledDirectoryOrFile_saysHowToGiveOne() {
    String missing = "/dev/dbscim/examples/no-such-directory.json";
    assertThat(DbscimCli.class.getResource(missing)).isNull();

    CliRun run = run(commandLine -> ((DemoCommand) commandLine.getSubcommands().get("demo").getCommand())
        .bundledDirectoryResource = missing, "demo");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err).contains("no bundled demo directory").contains(missing).contains("--directory FILE");
    assertThat(run.out).doesNotContain("Started an embedded fake");
    assertNoStackTrace(run);
  }

  @Test
  void plan_withoutVariables_printsSummaryAndTableAgainstAnEmbeddedFake() {
    CliRun run = run("plan", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("No DATABRICKS_* variables are set").contains("embedded fake");
    assertThat(run.out)
        .contains("Plan for account")
        .contains("create: 5 users, 1 service principal, 2 groups")
        .containsPattern("#\\s+phase\\s+action\\s+kind\\s+name\\s+details")
        .containsPattern("create\\s+user\\s+ada@example.com")
        .containsPattern("assign\\s+group\\s+data-eng");
  }

  @Test
  void plan_json_printsAPlanThatParsesBack() {
    CliRun run = run(accountEnvironment(), "plan", "--json", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    SyncPlan plan = SyncPlan.fromJson(run.out);
    assertThat(plan.count(Action.CREATE, PrincipalKind.USER)).isEqualTo(5);
    assertThat(plan.count(Action.CREATE, PrincipalKind.GROUP)).isEqualTo(2);
    assertThat(plan.target()).contains(server.accountId());
    assertThat(server.state().userByName("ada@example.com")).isEmpty();
  }

  @Test
  void apply_notAtATerminal_appliesWithoutAskingAndASecondApplyChangesNothing() {
    CliRun run = run(accountEnvironment(), "apply", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Applied to account").contains("10 succeeded, 0 failed");
    assertThat(run.err).doesNotContain("Type 'yes'").doesNotContain("embedded fake");
    assertThat(server.state().userByName("ada@example.com")).isPresent();
    assertThat(server.state().groupByName("analysts")).isPresent();

    CliRun again = run(accountEnvironment(), "apply", SMALL);

    assertThat(again.exitCode).as(again.toString()).isZero();
    assertThat(again.out).contains("No changes.").doesNotContain("Applied to");
  }

  @Test
  void apply_atATerminal_asksFirst_andDoesNothingUnlessConfirmed() {
    CliRun declined = run(accountEnvironment(), "no\n", true, "apply", SMALL);

    assertThat(declined.exitCode).as(declined.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(declined.err).contains("Type 'yes' to go on").contains("Nothing was changed");
    assertThat(server.state().userByName("ada@example.com")).isEmpty();

    CliRun confirmed = run(accountEnvironment(), "yes\n", true, "apply", SMALL);

    assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
    assertThat(confirmed.err).contains("\r[").contains("10/10 (100%)");
    assertThat(server.state().userByName("ada@example.com")).isPresent();
  }

  @Test
  void apply_yes_atATerminal_skipsTheQuestion() {
    CliRun run = run(accountEnvironment(), "", true, "apply", "--yes", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).doesNotContain("Type 'yes'");
    assertThat(server.state().userByName("ada@example.com")).isPresent();
  }

  @Test
  void apply_json_printsTheReport() throws IOException {
    CliRun run = run(accountEnvironment(), "apply", "--json", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode report = ScimJson.mapper().readTree(run.out);
    assertThat(report.get("success").asBoolean()).isTrue();
    assertThat(report.get("succeeded").asInt()).isEqualTo(10);
    assertThat(report.get("writeRequests").asInt()).isEqualTo(10);
    assertThat(report.get("results")).hasSize(10);
    assertThat(report.get("results").get(0).get("outcome").asText()).isEqualTo("succeeded");
    assertThat(run.err).contains("Plan for account");
  }

  @Test
  void apply_aboveTheDeletionThreshold_refusesWithExit2_untilAllowed() {
    assertThat(run(accountEnvironment(), "apply", SMALL).exitCode).isZero();

    CliRun refused = run(accountEnvironment(), "apply", "--max-removals", "2", SMALLER);

    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(DbscimCli.EXIT_THRESHOLD);
    assertThat(refused.err)
        .contains("The plan deactivates or deletes 4 of")
        .contains("so nothing was changed")
        .contains("--allow-removals-above-threshold");
    assertNoStackTrace(refused);
    assertThat(server.state().userByName("alan@example.com").get().active()).contains(true);

    CliRun allowed = run(accountEnvironment(), "apply", "--max-removals", "2", "--allow-removals-above-threshold",
        SMALLER);

    assertThat(allowed.exitCode).as(allowed.toString()).isZero();
    assertThat(server.state().userByName("alan@example.com").get().active()).contains(false);
  }

  @Test
  void apply_deletePolicy_deletesWhatTheDirectoryNoLongerHas() {
    assertThat(run(accountEnvironment(), "apply", SMALL).exitCode).isZero();

    CliRun run = run(accountEnvironment(), "apply", "--removal-policy", "delete", SMALLER);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(server.state().userByName("alan@example.com")).isEmpty();
    assertThat(server.state().groupByName("analysts")).isEmpty();
  }

  @Test
  void apply_invalidDirectory_exits3AndListsEveryProblemAsASentence() {
    CliRun run = run(accountEnvironment(), "apply", INVALID);

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(run.err).contains("The directory is not valid: it has 3 problems. Nothing was sent.");
    List<String> problems = run.err.lines().filter(line -> line.startsWith("  - ")).collect(Collectors.toList());
    assertThat(problems).hasSize(3).allSatisfy(line -> {
      assertThat(Character.isUpperCase(line.charAt(4))).as(line).isTrue();
      assertThat(line).endsWith(".");
    });
    assertThat(run.err).contains("(at /users/1/displayname)").contains("nobody@example.com");
    assertNoStackTrace(run);
    assertThat(server.recordedRequests()).isEmpty();
  }

  @Test
  void plan_invalidDirectory_exits3() {
    assertThat(run("plan", INVALID).exitCode).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
  }

  @Test
  void usageErrors_exit64WithASentence() {
    CliRun unknown = run("plan", "--frobnicate", SMALL);
    assertThat(unknown.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(unknown.err).contains("Unknown option: '--frobnicate'").contains("Run 'dbscim plan --help'");
    assertNoStackTrace(unknown);

    assertThat(run("apply").exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(run("apply", SMALL, "--plan", "plan.json").err).contains("not both");
    assertThat(run("plan", "--concurrency", "0", SMALL).exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(run("plan", "--max-removal-percent", "120", SMALL).exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    CliRun policy = run("plan", "--removal-policy", "shred", SMALL);
    assertThat(policy.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(policy.err).contains("use deactivate, delete or keep");
    assertThat(run("frobnicate").exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
  }

  @Test
  void help_listsTheCommands() {
    CliRun run = run("--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("demo").contains("plan").contains("apply").contains("fake");
  }

  @Test
  void apply_savedPlan_appliesIt(@TempDir Path dir) {
    Path planFile = dir.resolve("plan.json");
    CliRun plan = run(accountEnvironment(), "plan", "--out", planFile.toString(), SMALL);
    assertThat(plan.exitCode).as(plan.toString()).isZero();
    assertThat(plan.err).contains("Saved the plan to " + planFile);
    assertThat(server.state().userByName("ada@example.com")).isEmpty();

    CliRun apply = run(accountEnvironment(), "apply", "--plan", planFile.toString());

    assertThat(apply.exitCode).as(apply.toString()).isZero();
    assertThat(apply.err).contains("Reading the current state of account " + server.accountId())
        .contains("to verify the saved plan");
    assertThat(server.state().userByName("ada@example.com")).isPresent();
    assertThat(run(accountEnvironment(), "apply", "--plan", planFile.toString(), "--removal-policy", "keep")
        .exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
  }

  @Test
  void apply_savedPlanForAnotherTarget_refusesWithASentence(@TempDir Path dir) throws IOException {
    Path planFile = dir.resolve("plan.json");
    assertThat(run("plan", "--out", planFile.toString(), SMALL).exitCode).isZero();

    CliRun run = run(accountEnvironment(), "apply", "--plan", planFile.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err).contains("was made for account").contains("apply a plan only to the target it was made for");
    assertThat(server.recordedRequests()).isEmpty();
    Files.write(planFile, "{\"not\":\"a plan\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(run(accountEnvironment(), "apply", "--plan", planFile.toString()).err)
        .contains("is not a plan saved by 'dbscim plan --out'");
  }

  @Test
  void apply_workspaceHost_provisionsTheWorkspaceInsteadOfTheAccount() {
    FakeWorkspace local = server.workspaces().get(1);
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_HOST", server.url().toString());
    environment.put("DATABRICKS_TOKEN", local.adminToken());
    int usersBefore = server.state().userCount();

    CliRun run = run(environment, "apply", "--workspace-host", local.url().toString(), SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Plan for workspace at " + local.url().toString().replaceAll("/$", ""));
    assertThat(server.state().localUserCount(local.id())).isGreaterThanOrEqualTo(5);
    assertThat(server.state().userCount()).isEqualTo(usersBefore);
    try (ScimWorkspaceClient client = EmbeddedFakeClients.workspace(server, local.id())) {
      List<String> names = StreamSupport.stream(client.users().list().spliterator(), false)
          .map(User::userName).collect(Collectors.toList());
      assertThat(names).contains("ada@example.com", "barbara@example.com");
    }
  }

  @Test
  void plan_workspaceHostWithoutVariables_usesAFakeWorkspace() {
    CliRun run = run("plan", "--workspace-host", "https://example.cloud.databricks.com", SMALL);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("workspace without identity federation").contains("is not contacted");
    assertThat(run.out).contains("Plan for workspace at http://");
  }

  @Test
  void incompleteVariables_failWithASentenceAndNeverPrintTheToken() {
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_HOST", server.url().toString());
    environment.put("DATABRICKS_TOKEN", "dapi-sentinel-secret");

    CliRun run = run(environment, "plan", SMALL);

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err).contains("Environment variable DATABRICKS_ACCOUNT_ID is not set or is blank.");
    assertNoStackTrace(run);
    assertThat(run.out + run.err).doesNotContain("dapi-sentinel-secret");

    CliRun debug = run(environment, "plan", "--debug", SMALL);
    assertThat(debug.err).contains("\tat ").doesNotContain("dapi-sentinel-secret");
  }

  @Test
  void wrongToken_failsWithASentence() {
    Map<String, String> environment = accountEnvironment();
    environment.put("DATABRICKS_TOKEN", "dapi-wrong-token");

    CliRun run = run(environment, "apply", SMALL);

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err).contains("did not accept the credentials");
    assertThat(run.out + run.err).doesNotContain("dapi-wrong-token");
    assertNoStackTrace(run);
  }

  @Test
  void missingFile_failsWithASentence() {
    CliRun run = run("plan", "no-such-directory.json");

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err.trim()).isEqualTo("There is no directory file no-such-directory.json.");
  }

  @Test
  void fake_printsTheLauncherLineAndStopsWhenAskedTo() throws IOException {
    CliRun run = run("fake", "--workspaces", "2", "--non-federated", "1");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode line = ScimJson.mapper().readTree(run.out);
    assertThat(line.get("url").asText()).startsWith("http://127.0.0.1:");
    assertThat(line.get("workspaces")).hasSize(3);
    assertThat(run.err).contains("serves until this process is killed");
    assertThat(run("fake", "--workspaces", "x").exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
  }
}
