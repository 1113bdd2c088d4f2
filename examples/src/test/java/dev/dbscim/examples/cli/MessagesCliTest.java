package dev.dbscim.examples.cli;

import static dev.dbscim.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.testkit.FakeScimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each message names the file or host and says what to do, in one sentence, and never prints the token (issue 14).
 * Host names resolve from the hosts file the surefire argLine names, so the unknown host sends no DNS query.
 */
@Timeout(30)
class MessagesCliTest {
  static final String TOKEN = "dapi-sentinel-messages-token";
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;
  FakeScimServer server;
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  Handler capture;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).build().start();
    capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record.getLoggerName() + " " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
    server.close();
  }

  Map<String, String> accountEnvironment() {
    return CliRun.accountEnvironment(server);
  }

  Map<String, String> environment(String host) {
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_HOST", host);
    environment.put("DATABRICKS_ACCOUNT_ID", "acc-1");
    environment.put("DATABRICKS_TOKEN", TOKEN);
    return environment;
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  static void assertSecretsNotPrinted(CliRun run, String... secrets) {
    for (String secret : secrets) {
      assertThat(run.out + run.err).doesNotContain(secret);
    }
    assertThat(run.err).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void plan_folderAsFile_saysItIsAFolderAndWhatToGive() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("adir"));

    CliRun plan = run("plan", folder.toString());
    CliRun apply = run("apply", "--plan", folder.toString());

    assertThat(plan.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(plan.err.trim()).isEqualTo("The directory file " + folder + " is a folder, not a JSON file: give the "
        + "directory JSON file (for a folder of CSV files, plan and apply take --source csv).");
    assertThat(apply.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(apply.err.trim()).isEqualTo(
        "The plan file " + folder + " is a folder: give the file that 'dbscim plan --out PLANFILE' saved.");
  }

  @Test
  void plan_truncatedDirectory_givesLineColumnAndSaysTheFileEndsEarly() throws IOException {
    Path file = write("trunc.json", "{\"users\":[{\"userName\":\"a@b.c\"");

    CliRun run = run("plan", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(run.err.trim()).isEqualTo("The directory file " + file + " is not valid JSON: the file ends early at "
        + "line 1, column 30, inside an object, array or string that is not closed; check that the whole file was "
        + "saved.");
  }

  @Test
  void apply_truncatedPlan_givesLineColumnAndSaysTheFileEndsEarly() throws IOException {
    Path file = write("plan.json", "{\n  \"format\": \"dbscim-sync-plan/1\",\n  \"operations\": [");

    CliRun run = run(accountEnvironment(), "apply", "--plan", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err.trim()).isEqualTo("The plan file " + file + " is not valid JSON: the file ends early at line 3, "
        + "column 18, inside an object, array or string that is not closed; check that the whole file was saved; "
        + "save the plan again with 'dbscim plan --out PLANFILE'.");
    assertSecretsNotPrinted(run, server.accountToken());
  }

  @Test
  void byteOrderMark_isAccepted_inDirectoryAndPlanFiles() throws IOException {
    Path directory = write("bom.json", concat(BOM,
        Files.readAllBytes(CliRun.resourcePath("small-directory.json"))));
    Path planFile = dir.resolve("plan.json");

    CliRun plan = run(accountEnvironment(), "plan", directory.toString(), "--out", planFile.toString());
    write("plan.json", concat(BOM, Files.readAllBytes(planFile)));
    CliRun apply = run(accountEnvironment(), "apply", "--plan", planFile.toString());

    assertThat(plan.exitCode).as(plan.toString()).isZero();
    assertThat(plan.out).contains("create: 5 users");
    assertThat(apply.exitCode).as(apply.toString()).isZero();
    assertThat(server.state().userByName("ada@example.com")).isPresent();
  }

  @Test
  void latin1Files_sayTheyAreNotUtf8_andWhere() throws IOException {
    Path directory = write("latin.json",
        "{\"users\":[\n{\"userName\":\"jose@example.com\",\"displayName\":\"Jos\u00e9\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1));
    Path planFile = write("plan.json", "{\"format\":\"dbscim-sync-plan/1\",\n\"target\":\"\u00e9\"}"
        .getBytes(StandardCharsets.ISO_8859_1));

    CliRun plan = run("plan", directory.toString());
    CliRun apply = run(accountEnvironment(), "apply", "--plan", planFile.toString());

    assertThat(plan.exitCode).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(plan.err.trim()).isEqualTo("The directory file " + directory + " is not UTF-8: the byte 0xE9 at line 2 "
        + "(byte offset 60) cannot be read as UTF-8; save the file as UTF-8.");
    assertThat(apply.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(apply.err.trim()).isEqualTo("The plan file " + planFile + " is not UTF-8: the byte 0xE9 at line 2 "
        + "(byte offset 42) cannot be read as UTF-8; save the plan again with 'dbscim plan --out PLANFILE'.");
  }

  @Test
  void unknownHost_saysTheHostCannotBeResolved_withoutRetryWarnings() {
    CliRun run = run(environment("https://no-such-host.invalid"), "plan", CliRun.resource("small-directory.json"));

    assertThat(run.exitCode).as(run.toString()).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err).endsWith("Cannot resolve the host no-such-host.invalid: check DATABRICKS_HOST (or "
        + "--workspace-host) for a typo, and that this machine can reach its DNS server.\n");
    assertThat(run.err.lines()).hasSize(2);
    assertThat(warnings).isEmpty();
    assertSecretsNotPrinted(run, TOKEN);
  }

  @Test
  void plainHttpToAnotherHost_saysToUseHttpsOnTheCommandLine() {
    CliRun account = run(environment("http://accounts.example.com"), "plan", CliRun.resource("small-directory.json"));
    CliRun workspace = run(environment("https://accounts.example.com"), "plan", "--workspace-host",
        "http://ws.example.com", CliRun.resource("small-directory.json"));

    assertThat(account.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(account.err.trim()).isEqualTo("DATABRICKS_HOST uses plain http:// to accounts.example.com, which would "
        + "send the token unencrypted; write https://accounts.example.com in DATABRICKS_HOST (plain http works only "
        + "for localhost and 127.0.0.1).");
    assertThat(workspace.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(workspace.err.trim()).isEqualTo("--workspace-host uses plain http:// to ws.example.com, which would "
        + "send the token unencrypted; write https://ws.example.com in --workspace-host (plain http works only for "
        + "localhost and 127.0.0.1).");
    assertSecretsNotPrinted(account, TOKEN);
    assertSecretsNotPrinted(workspace, TOKEN);
  }

  @Test
  void csvFolderWithoutGroupsCsv_namesTheFolderAndTheFilesItNeeds() throws IOException {
    write("users.csv", "userName\nada@example.com\n");
    write("memberships.csv", "group,memberType,member\n");

    CliRun run = run("plan", "--source", "csv", dir.toString());

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(run.err.trim()).isEqualTo("The CSV folder " + dir + " has no groups.csv; it needs users.csv, groups.csv "
        + "and memberships.csv (servicePrincipals.csv is optional).");
  }

  @Test
  void csvWithUnknownColumnAndUnclosedQuote_reportsBoth() throws IOException {
    write("users.csv", "userName,usename\n\"ada@example.com,x\n");
    write("groups.csv", "displayName\n");
    write("memberships.csv", "group,memberType,member\n");

    CliRun run = run("plan", "--source", "csv", dir.toString());

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(run.err).isEqualTo("The directory is not valid: it has 2 problems. Nothing was sent.\n"
        + "  - Unknown column \"usename\"; the columns of users.csv are userName, displayName, givenName, familyName, "
        + "externalId, active, entitlements (at users.csv:1).\n"
        + "  - A quoted field opened on line 2 is never closed (at users.csv:2).\n");
  }

  @Test
  void tenMegabyteGroupName_isReportedByItsLength_andLongValuesAreCut() throws IOException {
    StringBuilder huge = new StringBuilder(10_000_000);
    for (int i = 0; i < 10_000_000; i++) {
      huge.append('g');
    }
    Path file = write("huge.json", "{\"groups\":[{\"displayName\":\"" + huge + "\",\"members\":{\"users\":[\""
        + huge + "\"]}}]}");

    CliRun run = run("plan", file.toString());

    assertThat(run.exitCode).isEqualTo(DbscimCli.EXIT_INVALID_DIRECTORY);
    assertThat(run.err).contains("  - The value of displayName has 10000000 characters; the limit is 256 (at "
        + "/groups/0/displayName).\n");
    assertThat(run.err).contains("  - Member user \"" + huge.substring(0, 80) + "...\" of group \""
        + huge.substring(0, 80) + "...\" is not in the directory (at /groups/0/members/users/0).\n");
    assertThat(run.out.length() + run.err.length()).isLessThan(2_000);
  }

  @Test
  void planTable_cutsLongNamesWithAnEllipsis() throws IOException {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      name.append((char) ('a' + i % 26));
    }
    Path file = write("long.json", "{\"groups\":[{\"displayName\":\"" + name + "\"}]}");

    CliRun run = run("plan", file.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("  " + name.substring(0, 80) + "...").doesNotContain(name.substring(0, 81));
  }
}
