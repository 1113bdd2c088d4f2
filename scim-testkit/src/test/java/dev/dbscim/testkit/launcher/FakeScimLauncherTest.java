package dev.dbscim.testkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.testkit.FakeScimLauncher;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.admin.TestHttp;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimLauncherTest {
  private static JsonNode launchLine(ByteArrayOutputStream captured) throws IOException {
    String text = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    assertThat(text).endsWith(System.lineSeparator());
    assertThat(text.trim()).doesNotContain("\n");
    return ScimJson.mapper().readTree(text);
  }

  @Test
  void launch_withDefaults_printsOneJsonLineAndServes() throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();

    try (FakeScimServer server = FakeScimLauncher.launch(new String[0],
        new PrintStream(captured, true, "UTF-8"))) {
      JsonNode line = launchLine(captured);

      assertThat(fieldNames(line)).isEqualTo("url,accountId,accountToken,workspaces");
      assertThat(line.get("url").asText()).matches("http://127\\.0\\.0\\.1:[0-9]+");
      assertThat(line.get("accountId").asText()).isEqualTo(server.accountId());
      JsonNode workspace = line.get("workspaces").get(0);
      assertThat(line.get("workspaces")).hasSize(1);
      assertThat(fieldNames(workspace)).isEqualTo("id,url,adminToken,userToken,federated");
      assertThat(workspace.get("id").asLong()).isEqualTo(1001);
      assertThat(workspace.get("federated").asBoolean()).isTrue();
      URI account = URI.create(line.get("url").asText());
      TestHttp.Reply users = TestHttp.send("GET", account.resolve("/api/2.0/accounts/" + line.get("accountId").asText()
          + "/scim/v2/Users"), line.get("accountToken").asText(), null);
      assertThat(users.status).isEqualTo(200);
      assertThat(users.json.get("totalResults").asInt()).isEqualTo(2);
      TestHttp.Reply me = TestHttp.send("GET", URI.create(workspace.get("url").asText())
          .resolve("/api/2.0/preview/scim/v2/Me"), workspace.get("userToken").asText(), null);
      assertThat(me.json.get("userName").asText()).isEqualTo("user-1001@example.com");
      assertThat(TestHttp.get(account, "/_fake/state").status).isEqualTo(200);
    }
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder names = new StringBuilder();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.append(names.length() == 0 ? "" : ",").append(it.next());
    }
    return names.toString();
  }

  @Test
  void launch_withOptions_fixesTheAccountPortAndWorkspaces() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();

    try (FakeScimServer server = FakeScimLauncher.launch(new String[] {"--port", Integer.toString(port),
        "--workspaces", "2", "--non-federated=1", "--account-id", "acc-123"}, new PrintStream(captured, true, "UTF-8"))) {
      JsonNode line = launchLine(captured);

      assertThat(line.get("url").asText()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(line.get("accountId").asText()).isEqualTo("acc-123");
      assertThat(line.get("workspaces").findValuesAsText("id")).containsExactly("1001", "1002", "1003");
      assertThat(line.get("workspaces").findValuesAsText("federated")).containsExactly("true", "true", "false");
      assertThat(server.workspaces()).hasSize(3);
    }
  }

  @Test
  void launch_onlyNonFederated_hasNoFederatedWorkspace() throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();

    try (FakeScimServer server = FakeScimLauncher.launch(new String[] {"--non-federated", "2"},
        new PrintStream(captured, true, "UTF-8"))) {
      assertThat(launchLine(captured).get("workspaces").findValuesAsText("federated"))
          .containsExactly("false", "false");
    }
  }

  @Test
  void launch_withBadArguments_throwsWithoutPrinting() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured);

    assertThatThrownBy(() -> FakeScimLauncher.launch(new String[] {"--port"}, out))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> FakeScimLauncher.launch(new String[] {"--workspaces", "x"}, out))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> FakeScimLauncher.launch(new String[] {"--port", "70000"}, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeScimLauncher.launch(new String[] {"--verbose", "1"}, out))
        .hasMessageContaining("unknown option --verbose");
    assertThatThrownBy(() -> FakeScimLauncher.launch(new String[] {"--workspaces", "0"}, out))
        .hasMessageContaining("at least one workspace");
    assertThat(captured.size()).isZero();
  }

  @Test
  @Timeout(60) // a child JVM starts in about a second, but far slower on a loaded 2-core build machine
  void main_inASeparateJvm_printsTheLineServesAndStopsOnSigterm() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        FakeScimLauncher.class.getName(), "--account-id", "acc-9")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      JsonNode line = ScimJson.mapper().readTree(stdout.readLine());
      URI account = URI.create(line.get("url").asText());

      TestHttp.Reply users = TestHttp.send("GET", account.resolve("/api/2.0/accounts/acc-9/scim/v2/Users"),
          line.get("accountToken").asText(), null);

      assertThat(users.status).isEqualTo(200);
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
    } finally {
      process.destroyForcibly();
    }
  }
}
