package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import dev.dbscim.testkit.RecordedCall;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code dbscim migrate groups --apply} in a child JVM against a fake reached like Databricks (so renames are
 * paced at 10 a minute on the real clock), sends SIGTERM once the first group's progress line shows, while the run
 * waits 6 s for the next rename, and checks the exit code 130, the partial report, and that a re-run finishes with
 * no account group created twice.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedGroupMigrationCliTest {
  static final List<String> GROUPS = Arrays.asList("analysts", "finance", "ops");

  @TempDir Path folder;
  FakeScimServer server;
  FakeWorkspace workspace;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().build().start();
    workspace = server.workspaces().get(0);
    for (String name : GROUPS) {
      String user = server.state().seed(workspace.id(), User.builder().userName(name + "-lead@example.com").build())
          .id().orElseThrow();
      server.state().seed(workspace.id(), Group.builder().displayName(name).addMembers(ComplexValue.of(user)).build());
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Map<String, String> environment() {
    Map<String, String> environment = CliRun.accountEnvironment(server);
    environment.put("DATABRICKS_WORKSPACE_TOKEN", workspace.adminToken());
    return environment;
  }

  String[] args() {
    return new String[] {"migrate", "groups", "--workspace", workspace.id() + "=" + workspace.url(), "--apply",
      "--yes"};
  }

  @Test
  void migrateGroups_sigterm_stopsTheWaitForTheNextRename_printsThePartialReport_exits130_andAReRunResumes()
      throws Exception {
    long started = System.nanoTime();
    CliJarTest.Result child = InterruptedApplyCliTest.runAndSignal(folder, environment(), Arrays.asList(args()),
        Pattern.compile("^Progress: 1/3 "), false);
    String stdout = child.out;
    String err = child.err;
    String all = child.toString();

    assertThat(child.exitCode).as(all).isEqualTo(DbscimCli.EXIT_INTERRUPTED);
    assertThat(stdout).contains("Time at the limits: 3 rename(s) at 10 a minute take at least 12s");
    assertThat(err).contains("Interrupted: no new group or step starts");
    assertThat(stdout).as(all).contains("1 migrated, 2 not run").contains("interrupted)")
        .contains("Stopped before the end: run the same command again");
    // Not after the third group's rename, which comes 12 s after the first (WorkspaceGroupMigrationTest shows that a
    // cancel ends the pacing wait itself at once).
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as(all).isLessThan(30);

    CliRun rest = CliRun.run(environment(), args());

    assertThat(rest.exitCode).as(rest.toString()).isZero();
    assertThat(rest.out).contains("Every group is migrated.");
    Map<String, Integer> created = new HashMap<>();
    for (RecordedCall call : server.recordedRequests()) {
      if (call.method().equals("POST") && call.path().endsWith("/Groups")) {
        created.merge(ScimJson.read(call.body(), JsonNode.class).path("displayName").asText(), 1, Integer::sum);
      }
    }
    assertThat(created).as("one account group created per local group").containsOnlyKeys(GROUPS)
        .allSatisfy((name, posts) -> assertThat(posts).as(name).isEqualTo(1));
  }
}
