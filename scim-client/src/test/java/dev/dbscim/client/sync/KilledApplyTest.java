package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.FakeClients;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.SyncEngine;
import dev.dbscim.client.sync.SyncTarget;
import dev.dbscim.testkit.FakeScimServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An apply killed half way in a separate JVM (no shutdown, no cleanup), then a re-run that converges. */
class KilledApplyTest {
  @TempDir Path folder;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void applyKilledInAChildJvm_reRunConverges_withNothingCreatedTwice() throws Exception {
    try (FakeScimServer server = FakeScimServer.builder().workspaces(1).journalCapacity(100_000).build().start();
        ScimAccountClient client = FakeClients.account(server)) {
      int fixtureUsers = server.state().userCount();
      long workspaceId = server.workspaces().get(0).id();
      Directory directory = ChaosSyncTest.directory(workspaceId, 300, 30, 5, 21);
      Path file = folder.resolve("directory.json");
      Files.write(file, DirectoryJson.write(directory).getBytes(StandardCharsets.UTF_8));

      List<String> command = new ArrayList<>();
      command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ApplyInChildProcess.class.getName());
      command.add(server.url().toString());
      command.add(server.accountId());
      command.add(file.toString());
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("FAKE_ACCOUNT_TOKEN", server.accountToken());
      Process child = builder.start();
      int killedAt = -1;
      int total = -1;
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("done ")) {
            String[] parts = line.split(" ");
            int done = Integer.parseInt(parts[1]);
            total = Integer.parseInt(parts[3]);
            if (done >= total / 2) {
              child.destroyForcibly();
              killedAt = done;
              break;
            }
          }
        }
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }
      assertThat(killedAt).as("the child was killed half way").isPositive().isLessThan(total);
      assertThat(server.state().userCount()).isGreaterThan(fixtureUsers);

      SyncEngine engine = SyncEngine.builder().target(SyncTarget.account(client)).build();
      assertThat(ChaosSyncTest.syncUntilConverged(engine, directory, 3)).isLessThanOrEqualTo(2);
      new ChaosSyncTest.StateCheck(server).assertStateEquals(directory, fixtureUsers);
      ChaosSyncTest.assertNothingCreatedTwiceOrDeleted(server.recordedRequests());
    }
  }
}
