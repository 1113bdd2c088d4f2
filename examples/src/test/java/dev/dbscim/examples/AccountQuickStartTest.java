package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AccountQuickStartTest {
  @FakeScim FakeScimServer scim;

  @Test
  void run_againstTheFake_createsJoinsAssignsAndCleansUp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long workspaceId = scim.workspaces().get(0).id();

    try (ScimAccountClient account = ScimAccountClient.builder()
        .endpoint(scim.url())
        .accountId(scim.accountId())
        .credentials(TokenCredentials.of(scim.accountToken()))
        .build()) {
      AccountQuickStart.run(account, workspaceId, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("created ada@example.com")
        .contains("found   ada@example.com groups=")
        .contains("members 1")
        .contains("assigned quick-start-engineering to workspace " + workspaceId)
        .contains("cleaned up");
    assertThat(scim.state().userByName("ada@example.com")).isEmpty();
  }
}
