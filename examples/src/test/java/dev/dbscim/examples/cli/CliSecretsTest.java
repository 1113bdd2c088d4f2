package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The account token used by the command line (plan, apply with retries and failures, a saved plan, JSON output, a
 * refused token) never shows in its output, its errors, dbscim's logs at any level, the saved plan or the fake's
 * journal.
 */
@Timeout(60)
class CliSecretsTest {
  @TempDir Path folder;
  FakeScimServer server;
  final List<String> logged = Collections.synchronizedList(new ArrayList<>());
  Handler capture;
  Level rootLevel;

  @BeforeEach
  void start() {
    server = FakeScimServer.builder().workspaces(1).build().start();
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("dev.dbscim")) {
          logged.add(record.getLoggerName() + " " + record.getMessage()
              + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    root.setLevel(rootLevel);
    server.close();
  }

  @Test
  void theTokenNeverShows_inOutputErrorsLogsPlansOrTheJournal() throws Exception {
    String token = server.accountToken();
    Map<String, String> environment = new HashMap<>();
    environment.put("DATABRICKS_HOST", server.url().toString());
    environment.put("DATABRICKS_ACCOUNT_ID", server.accountId());
    environment.put("DATABRICKS_TOKEN", token);
    Path planFile = folder.resolve("plan.json");
    List<CliRun> runs = new ArrayList<>();

    runs.add(CliRun.run(environment, "plan", CliRun.resource("small-directory.json"), "--out", planFile.toString()));
    server.failNext(Fault.status(503).retryAfter(Duration.ofSeconds(1)).times(2));
    server.failNext(Fault.status(400).on("POST", "/Groups$").times(1));
    runs.add(CliRun.run(environment, "apply", "--plan", planFile.toString(), "--yes", "--json"));
    runs.add(CliRun.run(environment, "apply", CliRun.resource("small-directory.json"), "--yes", "--debug"));
    Map<String, String> wrong = new HashMap<>(environment);
    wrong.put("DATABRICKS_TOKEN", token + "-wrong");
    runs.add(CliRun.run(wrong, "plan", CliRun.resource("small-directory.json"), "--debug"));

    assertThat(runs.get(1).exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);   // one group creation refused
    assertThat(runs.get(2).exitCode).as(runs.get(2).toString()).isZero();
    assertThat(runs.get(3).exitCode).isEqualTo(DbscimCli.EXIT_FAILURE);
    assertThat(runs.get(3).err).contains("did not accept the credentials");
    for (CliRun run : runs) {
      assertThat(run.out).doesNotContain(token);
      assertThat(run.err).doesNotContain(token);
    }
    assertThat(new String(Files.readAllBytes(planFile), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(token);
    assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(token));
    for (RecordedCall call : server.recordedRequests()) {
      assertThat(call.toString()).doesNotContain(token);
      assertThat(call.headers().toString()).doesNotContain(token);
      assertThat(call.body()).doesNotContain(token);
    }
  }
}
