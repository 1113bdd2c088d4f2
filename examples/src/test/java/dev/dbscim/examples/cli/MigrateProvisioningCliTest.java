package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate provisioning} against a "real" account (a fake reached through DATABRICKS_* variables) with a
 * federated workspace 1001 and a workspace 1002 without federation, where Ada's display name differs.
 */
@Timeout(60)
class MigrateProvisioningCliTest {
  @TempDir
  Path directory;

  static FakeScimServer seeded() {
    FakeScimServer server = FakeScimServer.builder().workspaces(1).nonFederatedWorkspaces(1).build().start();
    server.state().seed(1001, User.builder().userName("ada@example.com").displayName("Ada Lovelace")
        .externalId("idp-ada").build());
    server.state().seed(1002, User.builder().userName("ada@example.com").displayName("ADA LOVELACE")
        .externalId("idp-ada").build());
    return server;
  }

  static String[] args(FakeScimServer server, String... more) {
    String[] base = {"migrate", "provisioning", "--workspace", "1001=" + server.workspaces().get(0).url(),
      "--workspace", "1002=" + server.workspaces().get(1).url()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  Path tokenFile(FakeScimServer server) throws IOException {
    Path file = directory.resolve("workspace-tokens");
    Files.write(file, ("# one token per workspace\n1001=" + server.workspaces().get(0).adminToken() + "\n\n1002="
        + server.workspaces().get(1).adminToken() + "\n").getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void help_namesEveryEnvironmentVariableAndTheTokenAndConflictOptions() {
    CliRun run = CliRun.run("migrate", "provisioning", "--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("DATABRICKS_HOST", "DATABRICKS_ACCOUNT_ID", "DATABRICKS_TOKEN",
        "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET", "DATABRICKS_WORKSPACE_TOKEN_<ID>",
        "DATABRICKS_WORKSPACE_TOKEN ", "--workspace-token-file", "--on-conflict", "--prefer-workspace",
        "--conflict-file");
  }

  @Test
  void apply_tokenPerWorkspaceFromAFile_migratesOnlyAfterTheConflictIsSettled() throws IOException {
    try (FakeScimServer server = seeded()) {
      Map<String, String> environment = CliRun.accountEnvironment(server);
      String tokens = tokenFile(server).toString();

      CliRun refused = CliRun.run(environment, args(server, "--workspace-token-file", tokens, "--apply"));
      CliRun settled = CliRun.run(environment, args(server, "--workspace-token-file", tokens, "--apply",
          "--on-conflict", "keep-account"));

      assertThat(refused.exitCode).as(refused.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
      assertThat(refused.out).contains("Conflicts: 1 attribute(s) differ").contains("UNRESOLVED");
      assertThat(refused.err).contains("nothing was changed").contains("--on-conflict keep-account")
          .contains("--conflict-file").contains("user ada@example.com displayName: 1001 \"Ada Lovelace\", "
              + "1002 \"ADA LOVELACE\"");
      assertThat(settled.exitCode).as(settled.toString()).isZero();
      assertThat(server.state().userByName("ada@example.com").get().displayName()).contains("Ada Lovelace");
      assertThat(refused + settled.toString()).doesNotContain(server.workspaces().get(0).adminToken())
          .doesNotContain(server.workspaces().get(1).adminToken());
    }
  }

  @Test
  void plan_conflictFile_settlesTheConflictAndABadFileNamesLineAndColumn() throws IOException {
    try (FakeScimServer server = seeded()) {
      Map<String, String> environment = CliRun.accountEnvironment(server);
      String tokens = tokenFile(server).toString();
      Path good = directory.resolve("good.json");
      Files.write(good, "{\"users\": {\"ada@example.com\": {\"displayName\": \"Ada L.\"}}}"
          .getBytes(StandardCharsets.UTF_8));
      Path bad = directory.resolve("bad.json");
      Files.write(bad, "{\"users\": {\n  \"ada@example.com\": {\"nickName\": \"A\"}}}".getBytes(StandardCharsets.UTF_8));

      CliRun planned = CliRun.run(environment, args(server, "--workspace-token-file", tokens, "--conflict-file",
          good.toString()));
      CliRun refused = CliRun.run(environment, args(server, "--workspace-token-file", tokens, "--conflict-file",
          bad.toString()));

      assertThat(planned.exitCode).as(planned.toString()).isZero();
      assertThat(planned.out).contains("0 unresolved").contains("\"Ada L.\" by override file");
      assertThat(refused.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
      assertThat(refused.err).contains("line 2, column 23: unknown attribute \"nickName\"");
    }
  }

  @Test
  void plan_workspaceRefusesItsToken_theErrorNamesTheWorkspaceItsHostAndTheVariable() throws IOException {
    try (FakeScimServer server = seeded()) {
      Map<String, String> environment = CliRun.accountEnvironment(server);
      environment.put("DATABRICKS_WORKSPACE_TOKEN_1001", server.workspaces().get(0).adminToken());
      environment.put("DATABRICKS_WORKSPACE_TOKEN_1002", "not-a-valid-token");

      CliRun run = CliRun.run(environment, args(server));

      assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
      assertThat(run.err).contains("Workspace 1002 (" + server.workspaces().get(1).url() + ") refused its token "
          + "(HTTP 403): the token from DATABRICKS_WORKSPACE_TOKEN_1002 must be valid there and have workspace admin "
          + "rights")
          .doesNotContain("--workspace-host").doesNotContain("not-a-valid-token");
    }
  }

  @Test
  void plan_withoutWorkspaceTokens_namesTheFirstWorkspaceThatRefusesTheAccountToken() {
    try (FakeScimServer server = seeded()) {
      CliRun run = CliRun.run(CliRun.accountEnvironment(server), args(server));

      assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
      assertThat(run.err).contains("Workspace 1001 (" + server.workspaces().get(0).url() + ") refused its token")
          .contains("DATABRICKS_TOKEN (the account's; set DATABRICKS_WORKSPACE_TOKEN_1001 for this workspace)")
          .doesNotContain("--workspace-host");
    }
  }
}
