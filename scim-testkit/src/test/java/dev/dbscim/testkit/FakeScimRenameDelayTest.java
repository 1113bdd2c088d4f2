package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

  List<String> listed(FakeScimServer fake, String name) {
    String filter = URLEncoder.encode("displayName eq \"" + name + "\"", StandardCharsets.UTF_8).replace("+", "%20");
    List<String> ids = new ArrayList<>();
    JsonNode resources = Http.workspace(fake, 0, "GET", "/Groups?filter=" + filter, null).json.path("Resources");
    resources.forEach(g -> ids.add(g.get("id").asText()));
    return ids;
  }

  static String create(FakeScimServer fake, String name) {
    return Http.workspace(fake, 0, "POST", "/Groups", "{\"displayName\":\"" + name + "\"}").json.get("id").asText();
  }

  static void rename(FakeScimServer fake, String id, String name) {
    Http.Reply patched = Http.workspace(fake, 0, "PATCH", "/Groups/" + id, "{\"schemas\":"
        + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
        + "\"path\":\"displayName\",\"value\":\"" + name + "\"}]}");
    assertThat(patched.status).isEqualTo(200);
  }

  @Test
  void rename_ofAWorkspaceGroup_showsInListsOnlyAfterTheDelay() {
    String id = create(scim, "analysts");

    rename(scim, id, "db-temp-analysts");

    assertThat(Http.workspace(scim, 0, "GET", "/Groups/" + id, null).json.get("displayName").asText())
        .isEqualTo("db-temp-analysts");
    assertThat(listed(scim, "db-temp-analysts")).isEmpty();
    assertThat(listed(scim, "analysts")).containsExactly(id);
    clock.advance(Duration.ofSeconds(29));
    assertThat(listed(scim, "db-temp-analysts")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(listed(scim, "db-temp-analysts")).containsExactly(id);
    assertThat(listed(scim, "analysts")).isEmpty();
  }

  @Test
  void rename_withoutADelay_isVisibleAtOnce() {
    try (FakeScimServer plain = FakeScimServer.create().start()) {
      String id = create(plain, "ops");

      rename(plain, id, "db-temp-ops");

      assertThat(listed(plain, "db-temp-ops")).containsExactly(id);
    }
  }
}
