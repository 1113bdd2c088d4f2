package dev.dbscim.client.facade;

import static dev.dbscim.client.facade.FacadeServer.ACCOUNT_BASE;
import static dev.dbscim.client.facade.FacadeServer.PATCH_URN;
import static dev.dbscim.client.facade.FacadeServer.WORKSPACE_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.error.ScimNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class GroupMembershipTest {
  FacadeServer server;
  ScimAccountClient account;

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
    account = server.accountBuilder().build();
  }

  @AfterEach
  void stop() {
    account.close();
    server.close();
  }

  static List<String> ids(int from, int toInclusive) {
    return IntStream.rangeClosed(from, toInclusive).mapToObj(Integer::toString).collect(Collectors.toList());
  }

  static String addBody(List<String> ids) {
    return "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":["
        + ids.stream().map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",")) + "]}]}";
  }

  static String removeBody(List<String> ids) {
    return "{\"schemas\":[\"" + PATCH_URN + "\"],\"Operations\":["
        + ids.stream().map(id -> "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}")
            .collect(Collectors.joining(",")) + "]}";
  }

  @Test
  void addMembers_45AtDefaultBatch20_sendsThreePatchesExactly() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.empty(204);
    }

    int requests = account.groups().addMembers("grp-9", ids(1, 45));

    assertThat(requests).isEqualTo(3);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.take();
      assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("PATCH " + ACCOUNT_BASE + "/Groups/grp-9");
      assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
      bodies.add(request.getBody().utf8());
    }
    assertThat(bodies).containsExactly(addBody(ids(1, 20)), addBody(ids(21, 40)), addBody(ids(41, 45)));
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void removeMembers_withConfiguredBatchSize_sendsFilteredRemovesPerBatch() throws Exception {
    try (ScimWorkspaceClient workspace = server.workspaceBuilder().memberBatchSize(2).build()) {
      server.json(200, "{\"id\":\"7\",\"displayName\":\"eng\"}");
      server.empty(204);

      int requests = workspace.groups().removeMembers("7", Arrays.asList("101", "102", "103"));

      assertThat(requests).isEqualTo(2);
      RecordedRequest first = server.take();
      assertThat(first.getTarget()).isEqualTo(WORKSPACE_BASE + "/Groups/7");
      assertThat(first.getBody().utf8()).isEqualTo(removeBody(Arrays.asList("101", "102")));
      assertThat(server.take().getBody().utf8()).isEqualTo(removeBody(Collections.singletonList("103")));
    }
  }

  @Test
  void addMembers_repeatedIds_areSentOnce() throws Exception {
    server.empty(204);

    int requests = account.groups().addMembers("7", Arrays.asList("1", "2", "1", "2", "3"));

    assertThat(requests).isEqualTo(1);
    assertThat(server.take().getBody().utf8()).isEqualTo(addBody(Arrays.asList("1", "2", "3")));
  }

  @Test
  void addMembers_noIds_sendsNothing() {
    assertThat(account.groups().addMembers("7", Collections.emptyList())).isZero();
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void addMembers_blankMemberId_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> account.groups().addMembers("7", Arrays.asList("1", " ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> account.groups().removeMembers("", Arrays.asList("1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void addMembers_secondBatchFails_throwsAfterFirstWasSent() {
    server.empty(204);
    server.json(404, FacadeServer.error(404, null, "Group grp-9 not found"));

    assertThatThrownBy(() -> account.groups().addMembers("grp-9", ids(1, 30)))
        .isInstanceOf(ScimNotFoundException.class);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void memberBatchSize_outOfRange_isRefusedByBuilder() {
    assertThatThrownBy(() -> ScimAccountClient.builder().memberBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memberBatchSize");
    assertThatThrownBy(() -> ScimWorkspaceClient.builder().memberBatchSize(1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addMembers_underPatchRateLimit_waitsForPermitsWithInjectedSleeper() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (ScimAccountClient limited = server.accountBuilder().sleeper(waits::add)
        .rateLimits(RateLimits.builder().limit(OperationClass.PATCH, 1, Duration.ofMinutes(1)).build())
        .build()) {
      for (int i = 0; i < 3; i++) {
        server.empty(204);
      }

      limited.groups().addMembers("7", ids(1, 45));

      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(waits).hasSize(2);
      assertThat(waits.get(0)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
      assertThat(waits.get(1)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }
  }
}
