package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.google.FakeGoogleDirectory;
import dev.dbscim.testkit.google.FakeGoogleUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --source csv} and {@code --source google} against the fake Databricks and the fake Google directory. */
@Timeout(60)
class SourcesCliTest {
  @TempDir Path folder;
  FakeScimServer server;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Map<String, String> accountEnvironment() {
    return CliRun.accountEnvironment(server);
  }

  void write(String name, String text) throws IOException {
    Files.write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the account environment plus a service-account key of the fake Google in GOOGLE_APPLICATION_CREDENTIALS. */
  Map<String, String> googleEnvironment(FakeGoogleDirectory google) throws IOException {
    write("key.json", google.newServiceAccountKeyJson("sync@project.iam.gserviceaccount.com"));
    Map<String, String> environment = accountEnvironment();
    environment.put("GOOGLE_APPLICATION_CREDENTIALS", folder.resolve("key.json").toString());
    return environment;
  }

  @Test
  void applyFromCsv_provisionsTheFolder_andASecondPlanHasNoChanges() throws IOException {
    write("users.csv", "userName,displayName,externalId\nada@example.com,\"Lovelace, Ada\",hr-1\n"
        + "bob@example.com,Bob,hr-2\n");
    write("groups.csv", "displayName,externalId\ndata-eng,g-1\n");
    write("memberships.csv", "group,memberType,member\ndata-eng,user,ada@example.com\n");

    CliRun apply = CliRun.run(accountEnvironment(), "apply", "--source", "csv", folder.toString(), "--yes");

    assertThat(apply.exitCode).as(apply.toString()).isZero();
    assertThat(server.state().userByName("ada@example.com").get().displayName()).contains("Lovelace, Ada");
    CliRun plan = CliRun.run(accountEnvironment(), "plan", "--source", "csv", folder.toString());
    assertThat(plan.out).contains("No changes.");
  }

  @Test
  void csvProblems_areListedAsSentences_withExitCode3() throws IOException {
    write("users.csv", "userName,usename\nada@example.com,x\n");
    write("groups.csv", "displayName\n");
    write("memberships.csv", "group,memberType,member\nnope,user,ada@example.com\n");

    CliRun run = CliRun.run(accountEnvironment(), "plan", "--source", "csv", folder.toString());

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(run.err).contains("users.csv").contains("Nothing was sent");
  }

  @Test
  void applyFromGoogle_provisionsTheGoogleDirectory() throws IOException {
    try (FakeGoogleDirectory google = FakeGoogleDirectory.create()) {
      google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
      google.addUser(FakeGoogleUser.builder("ada@example.com").name("Ada", "Lovelace").build());
      google.addUser(FakeGoogleUser.builder("gone@example.com").suspended(true).build());
      google.addGroup("eng@example.com", "Engineering");
      google.addMember("eng@example.com", "ada@example.com");
      Map<String, String> environment = googleEnvironment(google);

      CliRun run = CliRun.run(environment, "apply", "--source", "google", "--google-subject", "admin@example.com",
          "--google-base-url", google.baseUrl().toString(), "--google-token-url", google.tokenUrl().toString(),
          "--yes");

      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.err).contains("Read 3 user(s) and 1 group(s) from Google");
      assertThat(server.state().userByName("ada@example.com").get().displayName()).contains("Ada Lovelace");
      assertThat(server.state().userByName("gone@example.com").get().active()).contains(false);
      assertThat(server.state().groupByName("eng@example.com")).isPresent();

      CliRun missing = CliRun.run(environment, "plan", "--source", "google");
      assertThat(missing.exitCode).isEqualTo(DbscimCli.EXIT_USAGE);
      assertThat(missing.err).contains("--google-subject");
    }
  }

  @Test
  void googleRefusal_printsGoogleSentence_withExitCode1_notUnexpectedError() throws IOException {
    try (FakeGoogleDirectory google = FakeGoogleDirectory.create()) {
      google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
      google.addUser(FakeGoogleUser.builder("ada@example.com").build());
      Map<String, String> environment = googleEnvironment(google);

      CliRun run = CliRun.run(environment, "plan", "--source", "google", "--google-subject", "ada@example.com",
          "--google-base-url", google.baseUrl().toString(), "--google-token-url", google.tokenUrl().toString());

      assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
      assertThat(run.err).contains("\nGoogle GET /admin/directory/v1/users -> 403 forbidden: ")
          .contains("(Run again with --debug for the stack trace.)")
          .doesNotContain("Unexpected error").doesNotContain("Exception");
    }
  }

  @Test
  void googleProvisioningGroupWithEveryoneInTheAccount_warnsOnStandardError() throws IOException {
    try (FakeGoogleDirectory google = FakeGoogleDirectory.create()) {
      google.addUser(FakeGoogleUser.builder("admin@example.com").admin(true).build());
      google.addUser(FakeGoogleUser.builder("ada@example.com").build());
      google.addGroup("all@example.com", "Everyone");
      google.addCustomerMember("all@example.com");
      Map<String, String> environment = googleEnvironment(google);

      CliRun run = CliRun.run(environment, "plan", "--source", "google", "--google-subject", "admin@example.com",
          "--google-group", "all@example.com", "--google-base-url", google.baseUrl().toString(),
          "--google-token-url", google.tokenUrl().toString());

      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.err).contains("Warning: Provisioning group all@example.com has the CUSTOMER member");
      assertThat(run.out).contains("create: 2 users");
    }
  }
}
