package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.patch.PatchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeScimRenameDelayTest {
  final FakeClock clock = FakeClock.at(Instant.parse("2026-01-05T10:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock)
      .renameVisibilityDelay(Duration.ofSeconds(30)).build();

  List<String> listed(ScimWorkspaceClient client, String name) {
    List<String> ids = new ArrayList<>();
    client.groups().list(q -> q.filter(Filter.attr("displayName").eq(name))).forEach(g -> ids.add(g.id().get()));
    return ids;
  }

  @Test
  void rename_ofAWorkspaceGroup_showsInListsOnlyAfterTheDelay() {
    ScimWorkspaceClient client = scim.workspaceClient();
    String id = client.groups().create(Group.builder().displayName("analysts").build()).id().get();

    client.groups().patch(id, PatchRequest.builder().replace("displayName", "db-temp-analysts").build());

    assertThat(client.groups().get(id).displayName()).isEqualTo("db-temp-analysts");
    assertThat(listed(client, "db-temp-analysts")).isEmpty();
    assertThat(listed(client, "analysts")).containsExactly(id);
    clock.advance(Duration.ofSeconds(29));
    assertThat(listed(client, "db-temp-analysts")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(listed(client, "db-temp-analysts")).containsExactly(id);
    assertThat(listed(client, "analysts")).isEmpty();
  }

  @Test
  void rename_withoutADelay_isVisibleAtOnce() {
    try (FakeScimServer plain = FakeScimServer.create().start()) {
      ScimWorkspaceClient client = plain.workspaceClient();
      String id = client.groups().create(Group.builder().displayName("ops").build()).id().get();

      client.groups().patch(id, PatchRequest.builder().replace("displayName", "db-temp-ops").build());

      assertThat(listed(client, "db-temp-ops")).containsExactly(id);
    }
  }
}
