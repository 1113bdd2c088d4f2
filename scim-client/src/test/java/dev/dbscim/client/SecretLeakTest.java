package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.error.ScimException;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SecretLeakTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  @Test
  void toStringAndExceptionMessages_neverContainTheTokens() {
    ScimAccountClient account = FakeClients.account(scim);
    ScimWorkspaceClient admin = FakeClients.workspace(scim);
    ScimWorkspaceClient user = FakeClients.workspaceUser(scim, 1001);
    List<Throwable> failures = new ArrayList<>();
    scim.failNext(Fault.status(503).times(3));
    failures.add(catchThrowable(() -> account.users().list().iterator().next()));
    failures.add(catchThrowable(() -> user.users().create(User.builder().userName("eve@example.com").build())));
    failures.add(catchThrowable(() -> account.groups().get("does-not-exist")));
    Group dataEng = Group.builder().displayName("data-eng").build();
    admin.groups().create(dataEng);
    failures.add(catchThrowable(() -> admin.groups().create(dataEng)));
    String oldToken = scim.accountToken();
    scim.rotateAccountToken();

    List<String> texts = new ArrayList<>();
    texts.add(scim.toString());
    texts.add(account.toString());
    texts.add(account.config().toString());
    texts.add(admin.toString());
    texts.add(user.toString());
    // Every failure is the client's answer to a request it sent with a token, not an argument check before it.
    assertThat(failures.get(3)).isInstanceOf(ScimConflictException.class);
    for (Throwable failure : failures) {
      assertThat(failure).isInstanceOf(ScimException.class);
      for (Throwable t = failure; t != null; t = t.getCause()) {
        texts.add(t.toString());
      }
    }

    assertThat(failures).hasSize(4);
    for (String secret : new String[] {oldToken, scim.accountToken(), scim.workspace(0).adminToken(),
        scim.workspace(0).userToken()}) {
      assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
    assertThat(scim.recordedRequests()).isNotEmpty().allSatisfy(call -> {
      assertThat(call.toString()).doesNotContain(oldToken);
      assertThat(call.headers().toString()).doesNotContain(oldToken);
    });
  }
}
