package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and {@code apply} with impact, end to end against a "real" account (a fake reached through
 * DATABRICKS_* variables) with workspaces 1001 and 1002. The account is provisioned by the CLI from {@link #FULL}:
 * bob reaches 1001 through engineering > data-eng and through analysts, carol only through analysts, ada through
 * data-eng (1001) and ml (1002), where she owns a scheduled job and a token in each.
 */
@Timeout(60)
class ImpactCliTest {
  static final String USERS = "\"users\": ["
      + "{\"userName\": \"ada@example.com\", \"externalId\": \"idp-ada\"},"
      + "{\"userName\": \"bob@example.com\", \"externalId\": \"idp-bob\"},"
      + "{\"userName\": \"carol@example.com\", \"externalId\": \"idp-carol\"},"
      + "{\"userName\": \"dave@example.com\", \"externalId\": \"idp-dave\"}]";
  static final String USERS_WITHOUT_ADA = "\"users\": ["
      + "{\"userName\": \"bob@example.com\", \"externalId\": \"idp-bob\"},"
      + "{\"userName\": \"carol@example.com\", \"externalId\": \"idp-carol\"},"
      + "{\"userName\": \"dave@example.com\", \"externalId\": \"idp-dave\"}]";
  static final String ENGINEERING = "{\"displayName\": \"engineering\", \"externalId\": \"idp-eng\","
      + " \"members\": {\"groups\": [\"data-eng\"]}}";
  static final String ANALYSTS = "{\"displayName\": \"analysts\", \"externalId\": \"idp-analysts\","
      + " \"members\": {\"users\": [\"carol@example.com\", \"bob@example.com\"]}}";
  static final String ASSIGN_ENGINEERING = "{\"workspaceId\": 1001, \"group\": \"engineering\", \"permission\": \"USER\"}";
  static final String ASSIGN_ANALYSTS = "{\"workspaceId\": 1001, \"group\": \"analysts\", \"permission\": \"USER\"}";
  static final String ASSIGN_ML = "{\"workspaceId\": 1002, \"group\": \"ml\", \"permission\": \"USER\"}";

  /** Everyone, as provisioned before each test. */
  static final String FULL = "{" + USERS + ", \"groups\": ["
      + "{\"displayName\": \"data-eng\", \"externalId\": \"idp-de\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"bob@example.com\"]}}, " + ENGINEERING + ", " + ANALYSTS + ", "
      + "{\"displayName\": \"ml\", \"externalId\": \"idp-ml\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"dave@example.com\"]}}], \"workspaceAssignments\": [" + ASSIGN_ENGINEERING + ", " + ASSIGN_ANALYSTS + ", "
      + ASSIGN_ML + "]}";
  /** Without the analysts group: carol loses 1001, bob keeps it through engineering > data-eng. */
  static final String WITHOUT_ANALYSTS = "{" + USERS + ", \"groups\": ["
      + "{\"displayName\": \"data-eng\", \"externalId\": \"idp-de\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"bob@example.com\"]}}, " + ENGINEERING + ", "
      + "{\"displayName\": \"ml\", \"externalId\": \"idp-ml\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"dave@example.com\"]}}], \"workspaceAssignments\": [" + ASSIGN_ENGINEERING + ", " + ASSIGN_ML + "]}";
  /** The analysts group no longer assigned to 1001: carol loses it, bob keeps it through engineering > data-eng. */
  static final String ANALYSTS_UNASSIGNED = "{" + USERS + ", \"groups\": ["
      + "{\"displayName\": \"data-eng\", \"externalId\": \"idp-de\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"bob@example.com\"]}}, " + ENGINEERING + ", " + ANALYSTS + ", "
      + "{\"displayName\": \"ml\", \"externalId\": \"idp-ml\", \"members\": {\"users\": [\"ada@example.com\", "
      + "\"dave@example.com\"]}}], \"workspaceAssignments\": [" + ASSIGN_ENGINEERING + ", " + ASSIGN_ML + "]}";
  /** Without ada, whom the plan deactivates. */
  static final String WITHOUT_ADA = "{" + USERS_WITHOUT_ADA + ", \"groups\": ["
      + "{\"displayName\": \"data-eng\", \"externalId\": \"idp-de\", \"members\": {\"users\": [\"bob@example.com\"]}}, "
      + ENGINEERING + ", " + ANALYSTS + ", "
      + "{\"displayName\": \"ml\", \"externalId\": \"idp-ml\", \"members\": {\"users\": [\"dave@example.com\"]}}], "
      + "\"workspaceAssignments\": [" + ASSIGN_ENGINEERING + ", " + ASSIGN_ANALYSTS + ", " + ASSIGN_ML + "]}";

  @TempDir
  Path directory;

  FakeScimServer server;
  FakeWorkspace first;
  FakeWorkspace second;

  @BeforeEach
  void provision() throws IOException {
    server = FakeScimServer.builder().workspaces(2).build().start();
    first = server.workspaces().get(0);
    second = server.workspaces().get(1);
    CliRun applied = CliRun.run(CliRun.accountEnvironment(server), "apply", "--no-impact", file("full.json", FULL));
    assertThat(applied.exitCode).as(applied.toString()).isZero();
    first.addJob("ada@example.com", "nightly-etl", true);
    first.addToken("ada@example.com", "laptop");
    second.addJob("ada@example.com", "training", true);
    second.addToken("ada@example.com", "notebook");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String file(String name, String json) throws IOException {
    Path path = directory.resolve(name);
    Files.write(path, json.getBytes(StandardCharsets.UTF_8));
    return path.toString();
  }

  /** The account's variables plus each workspace's admin token in DATABRICKS_WORKSPACE_TOKEN_<ID>. */
  Map<String, String> environment() {
    Map<String, String> environment = CliRun.accountEnvironment(server);
    environment.put("DATABRICKS_WORKSPACE_TOKEN_1001", first.adminToken());
    environment.put("DATABRICKS_WORKSPACE_TOKEN_1002", second.adminToken());
    return environment;
  }

  String[] withWorkspaces(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList("--workspace", "1001=" + first.url(), "--workspace", "1002=" + second.url()));
    return all.toArray(new String[0]);
  }

  static JsonNode json(CliRun run) throws IOException {
    return ScimJson.mapper().readTree(run.out);
  }

  static JsonNode removalOf(JsonNode plan, String name) {
    for (JsonNode removal : plan.path("impact").path("removals")) {
      if (removal.path("principal").path("name").asText().equals(name)) {
        return removal;
      }
    }
    throw new AssertionError("no removal impact for " + name + " in " + plan.path("impact"));
  }

  static List<String> objectNames(JsonNode removal) {
    List<String> names = new ArrayList<>();
    for (JsonNode workspace : removal.path("workspaces")) {
      for (JsonNode object : workspace.path("objects")) {
        names.add(object.path("name").asText());
      }
    }
    return names;
  }

  static JsonNode accessOf(JsonNode plan, long workspaceId) {
    for (JsonNode workspace : plan.path("impact").path("access")) {
      if (workspace.path("workspaceId").asLong() == workspaceId) {
        return workspace;
      }
    }
    throw new AssertionError("no access changes for workspace " + workspaceId + " in " + plan.path("impact"));
  }

  @Test
  void plan_groupLosesTheWorkspace_carolLosesAccessButBobKeepsItThroughNestedGroups() throws IOException {
    String unassigned = file("analysts-unassigned.json", ANALYSTS_UNASSIGNED);

    CliRun run = CliRun.run(environment(), withWorkspaces("plan", "--json", unassigned));
    CliRun text = CliRun.run(environment(), withWorkspaces("plan", unassigned));

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> changes = new ArrayList<>();
    for (JsonNode change : accessOf(json(run), 1001).path("changes")) {
      changes.add(change.path("principal").path("name").asText() + " " + change.path("direction").asText() + " "
          + change.path("pathsBefore"));
    }
    assertThat(changes).as(run.out).hasSize(1);
    assertThat(changes.get(0)).startsWith("carol@example.com LOSE").contains("analysts");
    assertThat(json(run).path("impact").path("losingAllAccess").toString()).contains("carol@example.com")
        .doesNotContain("bob@example.com");
    assertThat(text.exitCode).as(text.toString()).isZero();
    assertThat(text.out).contains("workspace 1001: 1 lose access").contains("carol@example.com")
        .contains("lost via").doesNotContainPattern("bob@example.com\\s+USER");
  }

  @Test
  void plan_groupDeleted_carolLosesAccessButBobKeepsItThroughNestedGroups() throws IOException {
    CliRun run = CliRun.run(environment(), withWorkspaces("plan", "--json", "--removal-policy", "delete",
        file("without-analysts.json", WITHOUT_ANALYSTS)));

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode access = accessOf(json(run), 1001);
    assertThat(access.path("unreadGroups")).isEmpty();
    List<String> changes = new ArrayList<>();
    for (JsonNode change : access.path("changes")) {
      changes.add(change.path("principal").path("name").asText() + " " + change.path("direction").asText() + " "
          + change.path("pathsBefore"));
    }
    assertThat(changes).as(run.out).hasSize(1);
    assertThat(changes.get(0)).startsWith("carol@example.com LOSE").contains("analysts");
  }

  @Test
  void plan_userWithJobsAndTokensInTwoWorkspaces_textAndJsonShowBoth() throws IOException {
    Path tokens = directory.resolve("workspace-tokens");
    Files.write(tokens, ("# admins\n1001=" + first.adminToken() + "\n1002=" + second.adminToken() + "\n")
        .getBytes(StandardCharsets.UTF_8));
    String withoutAda = file("without-ada.json", WITHOUT_ADA);

    CliRun text = CliRun.run(CliRun.accountEnvironment(server), withWorkspaces("plan", "--workspace-token-file",
        tokens.toString(), "--allow-impact", withoutAda));
    CliRun json = CliRun.run(environment(), withWorkspaces("plan", "--json", withoutAda));

    assertThat(text.exitCode).as(text.toString()).isZero();
    assertThat(text.out).contains("ada@example.com owns").contains("in workspace 1001").contains("in workspace 1002")
        .contains("scheduled job").contains("--allow-impact");
    assertThat(text.err).contains("--allow-impact is not saved with a plan");
    assertThat(json.exitCode).as(json.toString()).isZero();
    JsonNode ada = removalOf(json(json), "ada@example.com");
    assertThat(ada.path("breaks").asBoolean()).isTrue();
    assertThat(ada.path("workspaces")).hasSize(2);
    assertThat(objectNames(ada)).contains("nightly-etl", "laptop", "training", "notebook");
    assertThat(text.toString() + json).doesNotContain(first.adminToken()).doesNotContain(second.adminToken());
  }

  @Test
  void plan_workspaceRefusesItsToken_warnsInsteadOfSayingOwnsNothing() throws IOException {
    Map<String, String> environment = environment();
    environment.put("DATABRICKS_WORKSPACE_TOKEN_1002", "not-a-valid-token");

    CliRun run = CliRun.run(environment, withWorkspaces("plan", file("without-ada.json", WITHOUT_ADA)));

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("ada@example.com owns").contains("in workspace 1001").contains("1002")
        .contains("not read").doesNotContain("owns nothing").doesNotContain("not-a-valid-token");
  }

  @Test
  void apply_breakingRemoval_refusesAndSendsNothing_thenAllowImpactApplies() throws IOException {
    String withoutAda = file("without-ada.json", WITHOUT_ADA);
    server.clearRecordedRequests();

    CliRun refused = CliRun.run(environment(), withWorkspaces("apply", withoutAda));

    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(DbscimCli.EXIT_THRESHOLD);
    assertThat(refused.err).contains("would break active objects of 1 principal, so nothing was changed")
        .contains("ada@example.com owns").contains("--allow-impact").doesNotContain("\tat ");
    List<String> writes = new ArrayList<>();
    for (RecordedCall call : server.recordedRequests()) {
      if (!call.method().equals("GET")) {
        writes.add(call.method() + " " + call.path());
      }
    }
    assertThat(writes).isEmpty();
    assertThat(server.state().userByName("ada@example.com").orElseThrow().active()).contains(true);

    CliRun allowed = CliRun.run(environment(), withWorkspaces("apply", "--allow-impact", withoutAda));

    assertThat(allowed.exitCode).as(allowed.toString()).isZero();
    assertThat(server.state().userByName("ada@example.com").orElseThrow().active()).contains(false);
  }

  /** Returns the roles that tie the named object to its principals, such as {@code [CREATOR, OWNER]}. */
  static List<String> tiesOf(JsonNode removal, String objectName) {
    List<String> roles = new ArrayList<>();
    for (JsonNode workspace : removal.path("workspaces")) {
      for (JsonNode object : workspace.path("objects")) {
        if (object.path("name").asText().equals(objectName)) {
          for (JsonNode tie : object.path("ties")) {
            roles.add(tie.path("role").asText());
          }
        }
      }
    }
    return roles;
  }

  @Test
  void plan_deepImpact_readsTheRunAsUserOfEachJobFromJobsGet() throws IOException {
    String withoutAda = file("without-ada.json", WITHOUT_ADA);

    CliRun shallow = CliRun.run(environment(), withWorkspaces("plan", "--json", withoutAda));
    CliRun deep = CliRun.run(environment(), withWorkspaces("plan", "--json", "--deep-impact", withoutAda));
    CliRun deepText = CliRun.run(environment(), withWorkspaces("plan", "--deep-impact", withoutAda));

    assertThat(shallow.exitCode).as(shallow.toString()).isZero();
    assertThat(tiesOf(removalOf(json(shallow), "ada@example.com"), "nightly-etl")).doesNotContain("RUN_AS");
    assertThat(json(shallow).path("impact").path("detailRequests").asInt()).isZero();
    assertThat(json(shallow).path("impact").path("deepReadCost")).isNotEmpty();
    assertThat(deep.exitCode).as(deep.toString()).isZero();
    assertThat(tiesOf(removalOf(json(deep), "ada@example.com"), "nightly-etl")).contains("RUN_AS");
    assertThat(json(deep).path("impact").path("detailRequests").asInt()).isPositive();
    assertThat(deepText.out).contains("object(s) read one by one");
  }

  @Test
  void planAndApply_badWorkspaceValuesTokenFileLinesAndFlagMixes_areUsageErrors() throws IOException {
    String full = file("full.json", FULL);
    Path badLine = directory.resolve("bad-tokens");
    Files.write(badLine, "1001 token-without-equals\n".getBytes(StandardCharsets.UTF_8));
    Path unnamed = directory.resolve("unnamed-tokens");
    Files.write(unnamed, "1003=some-token\n".getBytes(StandardCharsets.UTF_8));

    CliRun badValue = CliRun.run(environment(), "plan", "--workspace", "abc=https://x", full);
    CliRun noHost = CliRun.run(environment(), "plan", "--workspace", "1001", full);
    CliRun badFile = CliRun.run(environment(), withWorkspaces("apply", "--workspace-token-file", badLine.toString(),
        full));
    CliRun unnamedWorkspace = CliRun.run(environment(), withWorkspaces("plan", "--workspace-token-file",
        unnamed.toString(), full));
    CliRun withWorkspaceHost = CliRun.run(environment(), withWorkspaces("plan", "--workspace-host",
        first.url().toString(), full));
    CliRun noAndDeep = CliRun.run(environment(), "plan", "--no-impact", "--deep-impact", full);

    assertThat(badValue.exitCode).as(badValue.toString()).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(badValue.err).contains("--workspace takes ID=HOST").contains("'abc=https://x'");
    assertThat(noHost.exitCode).as(noHost.toString()).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(noHost.err).contains("--workspace 1001 needs its host");
    assertThat(badFile.exitCode).as(badFile.toString()).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(badFile.err).contains("line 1: expected <workspaceId>=<token>");
    assertThat(unnamedWorkspace.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(unnamedWorkspace.err).contains("workspace 1003 is not named with --workspace")
        .doesNotContain("some-token");
    assertThat(withWorkspaceHost.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(withWorkspaceHost.err).contains("leave --workspace out");
    assertThat(noAndDeep.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
    assertThat(noAndDeep.err).contains("--no-impact reads nothing");
  }

  @Test
  void help_saysWhichApiAnswersWhatAndWhatItCosts() {
    CliRun plan = CliRun.run("plan", "--help");
    CliRun apply = CliRun.run("apply", "--help");

    assertThat(plan.out).contains("--workspace=ID=HOST").contains("--workspace-token-file").contains("--deep-impact")
        .contains("--impact-on-access-loss").contains("--no-impact").contains("--allow-impact")
        .contains("jobs/get").contains("one call per job");
    assertThat(apply.out).contains("--allow-impact").contains("DATABRICKS_WORKSPACE_TOKEN_<ID>");
  }
}
