package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Databricks environment variables the fake hands out instead of clients. */
@Timeout(10)
class FakeScimEnvironmentTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().workspaces(2).build();

  @Test
  void environment_ofTheAccount_namesHostAccountAndCurrentToken() {
    Map<String, String> environment = scim.environment();

    assertThat(environment).containsExactly(Map.entry("DATABRICKS_HOST", scim.url().toString()),
        Map.entry("DATABRICKS_ACCOUNT_ID", scim.accountId()), Map.entry("DATABRICKS_TOKEN", scim.accountToken()));
    assertThat(Http.send("GET", URI.create(environment.get("DATABRICKS_HOST") + "/api/2.0/accounts/"
        + environment.get("DATABRICKS_ACCOUNT_ID") + "/scim/v2/Users"), environment.get("DATABRICKS_TOKEN"), null)
        .status).isEqualTo(200);
    String rotated = scim.rotateAccountToken();
    assertThat(scim.environment()).containsEntry("DATABRICKS_TOKEN", rotated);
    assertThatThrownBy(() -> environment.put("DATABRICKS_TOKEN", "x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void environment_ofAWorkspace_isItsHostWithTheAdminOrUserToken() {
    FakeWorkspace second = scim.workspace(1);

    assertThat(second.environment()).containsExactly(Map.entry("DATABRICKS_HOST", second.url().toString()),
        Map.entry("DATABRICKS_TOKEN", second.adminToken()));
    assertThat(second.userEnvironment()).containsExactly(Map.entry("DATABRICKS_HOST", second.url().toString()),
        Map.entry("DATABRICKS_TOKEN", second.userToken()));
    assertThat(Http.send("GET", Http.workspaceUri(second, "/Me"), second.environment().get("DATABRICKS_TOKEN"), null)
        .json.get("id").asText()).isEqualTo(second.adminUserId());
  }

  @Test
  void environment_beforeStart_throwsIllegalState() {
    assertThatThrownBy(() -> FakeScimServer.create().environment()).isInstanceOf(IllegalStateException.class);
  }
}
