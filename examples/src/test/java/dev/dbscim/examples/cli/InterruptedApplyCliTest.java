package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.RecordedCall;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code dbscim apply} in a child JVM against a slowed-down fake, sends SIGTERM or SIGINT once progress shows,
 * and checks the exit code 130, the partial report, and that a re-run converges with nothing created twice.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedApplyCliTest {
  static final int USERS = 60;
  static final Pattern PROGRESS = Pattern.compile("\\d+/\\d+ \\(\\d+%\\)");

  @TempDir Path folder;
  FakeScimServer server;
  Path directoryFile;

  @BeforeEach
  void start() throws IOException {
    server = FakeScimServer.builder().build().start();
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(DirectoryUser.builder("signal" + i + "@example.com").displayName("Signal " + i).build());
    }
    directoryFile = folder.resolve("directory.json");
    Files.write(directoryFile,
        DirectoryJson.write(Directory.builder().users(users).build()).getBytes(StandardCharsets.UTF_8));
    // Every create is served at once and answered 300 ms later: with two at a time the apply takes about 9 s.
    server.failNext(Fault.latency(Duration.ofMillis(300)).on("POST", "/Users$").times(100_000));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Map<String, String> environment() {
    return CliRun.accountEnvironment(server);
  }

  /** Starts {@code dbscim apply}, waits for the first progress line on stderr, signals, and waits for the end. */
  CliJarTest.Result applyAndSignal(boolean sigint, String... extraArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(Arrays.asList("apply", directoryFile.toString(), "--yes", "--concurrency",
        "2"));
    args.addAll(Arrays.asList(extraArgs));
    return runAndSignal(folder, environment(), args, PROGRESS, sigint);
  }

  /**
   * Starts {@code dbscim ARGS} in a child JVM with {@code environment} (and no other DATABRICKS_* variable), sends
   * SIGINT or SIGTERM once a line of its standard error matches {@code trigger}, and waits for the end.
   */
  static CliJarTest.Result runAndSignal(Path folder, Map<String, String> environment, List<String> args,
      Pattern trigger, boolean sigint) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Arrays.asList(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DbscimCli.class.getName()));
    command.addAll(args);
    File out = folder.resolve("out-" + sigint + ".txt").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out);
    builder.environment().keySet().removeIf(name -> name.startsWith("DATABRICKS_"));
    builder.environment().putAll(environment);
    Process child = builder.start();
    child.getOutputStream().close();
    StringBuilder err = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      boolean signalled = false;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        err.append(line).append('\n');
        if (!signalled && trigger.matcher(line).find()) {
          signalled = true;
          if (sigint) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -INT").isZero();
          } else {
            // SIGTERM; Process.destroy() would also close the streams this test reads.
            assertThat(child.toHandle().destroy()).as("SIGTERM sent").isTrue();
          }
        }
      }
      assertThat(signalled).as("progress showed before the end: %s", err).isTrue();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    return new CliJarTest.Result(child.exitValue(), new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8),
        err.toString());
  }

  void assertReRunConvergesCreatingNothingTwice() {
    server.clearFaults();
    CliRun rest = CliRun.run(environment(), "apply", directoryFile.toString(), "--yes");
    assertThat(rest.exitCode).as(rest.toString()).isZero();
    CliRun again = CliRun.run(environment(), "plan", directoryFile.toString());
    assertThat(again.out).as(again.toString()).contains("No changes.");
    Map<String, Integer> created = new HashMap<>();
    for (RecordedCall call : server.recordedRequests()) {
      if (call.method().equals("POST") && call.path().endsWith("/Users")) {
        String userName = ScimJson.read(call.body(), JsonNode.class).path("userName").asText();
        created.merge(userName, 1, Integer::sum);
      }
    }
    assertThat(created).hasSize(USERS).allSatisfy((userName, posts) -> assertThat(posts).as(userName).isEqualTo(1));
  }

  @Test
  void apply_sigterm_stopsHalfWay_printsThePartialReport_andExits130() throws Exception {
    CliJarTest.Result child = applyAndSignal(false);

    assertThat(child.exitCode).as(child.toString()).isEqualTo(DbscimCli.EXIT_INTERRUPTED);
    assertThat(child.err).contains("Interrupted: no new change starts");
    Matcher counts = Pattern.compile("Applied to account .*: (\\d+) succeeded, (\\d+) failed, (\\d+) not run;.*"
        + "\\(interrupted\\)\\.").matcher(child.out);
    assertThat(counts.find()).as(child.toString()).isTrue();
    int succeeded = Integer.parseInt(counts.group(1));
    assertThat(succeeded).isPositive();
    assertThat(Integer.parseInt(counts.group(2))).as("the requests in flight finished").isZero();
    assertThat(Integer.parseInt(counts.group(3))).isEqualTo(USERS - succeeded);
    assertThat(child.out).contains("Run the sync again");
    assertReRunConvergesCreatingNothingTwice();
  }

  @Test
  void apply_sigintWithJson_printsTheReportWithInterruptedAndNotRunSteps_andExits130() throws Exception {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "kill -INT is Linux here");
    assumeTrue(!sigintIgnored(), "SIGINT is ignored in this process (started in the background), so in the child");

    CliJarTest.Result child = applyAndSignal(true, "--json");

    assertThat(child.exitCode).as(child.toString()).isEqualTo(DbscimCli.EXIT_INTERRUPTED);
    JsonNode report = ScimJson.read(child.out, JsonNode.class);
    assertThat(report.path("interrupted").asBoolean()).as(child.out).isTrue();
    assertThat(report.path("success").asBoolean()).isFalse();
    assertThat(report.path("failed").asInt()).as("the requests in flight finished").isZero();
    int notRun = report.path("notRun").asInt();
    assertThat(notRun).isPositive();
    assertThat(report.path("succeeded").asInt() + notRun).isEqualTo(USERS);
    List<String> outcomes = new ArrayList<>();
    report.path("results").forEach(result -> outcomes.add(result.path("outcome").asText()));
    assertThat(outcomes).hasSize(USERS).containsOnly("succeeded", "not_run");
    assertThat(outcomes.stream().filter("not_run"::equals).count()).isEqualTo(notRun);
    assertReRunConvergesCreatingNothingTwice();
  }

  /** Reads this process's ignored-signal mask: a child inherits an ignored SIGINT, and the JVM then leaves it. */
  static boolean sigintIgnored() throws IOException {
    Path status = Paths.get("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }
}
