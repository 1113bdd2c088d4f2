package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.migrate.ConnectorVerdict;
import dev.dbscim.client.migrate.ProvisioningMigrationReport;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MigrateToAccountProvisioningTest {
  @Test
  void run_againstTheSeededFake_provisionsTheAccountAndGivesAVerdictPerWorkspace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (FakeScimServer fake = MigrationFakeSetup.start()) {
      Map<Long, ScimWorkspaceClient> workspaces = new LinkedHashMap<>();
      for (FakeWorkspace workspace : fake.workspaces()) {
        workspaces.put(workspace.id(), EmbeddedFakeClients.workspace(fake, workspace.id()));
      }

      ProvisioningMigrationReport report = MigrateToAccountProvisioning.run(EmbeddedFakeClients.account(fake), workspaces, null,
          true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      assertThat(report.isSuccess()).as(report.summary()).isTrue();
      assertThat(report.workspaces().get(0).verdict()).isEqualTo(ConnectorVerdict.MIGRATE_LOCAL_GROUPS_FIRST);
      assertThat(report.workspaces().get(2).verdict()).isEqualTo(ConnectorVerdict.KEEP_RUNNING);
      assertThat(fake.state().userByName("linus@example.com").get().externalId()).contains("okta-00u5");
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("Account-level directory:")
        .contains("legacy-ops")
        .contains("migrate-local-groups-first")
        .contains("keep-running");
  }
}
