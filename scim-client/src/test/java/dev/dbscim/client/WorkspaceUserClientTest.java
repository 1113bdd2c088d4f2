package dev.dbscim.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.error.ScimClientException;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkspaceUserClientTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().workspaces(2).build();

  @Test
  void workspaceUserClient_createUser_throwsForbidden() {
    ScimWorkspaceClient user = FakeClients.workspaceUser(scim, 1001);

    assertThatThrownBy(() -> user.users().create(User.builder().userName("eve@example.com").build()))
        .isInstanceOfSatisfying(ScimForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(scim.state().userByName("eve@example.com")).isEmpty();
  }

  @Test
  void workspaceUserClient_createGroup_throwsForbidden() {
    ScimWorkspaceClient user = FakeClients.workspaceUser(scim, 1002);

    assertThatThrownBy(() -> user.groups().create(Group.builder().displayName("rogue").build()))
        .isInstanceOf(ScimForbiddenException.class);
  }

  @Test
  void workspaceUserClient_me_returnsThePlainUser() {
    assertThat(FakeClients.workspaceUser(scim, 1002).me().id()).contains(scim.workspace(1).userId());
  }

  @Test
  void workspaceClient_byId_isTheAdminOfThatWorkspace() {
    ScimWorkspaceClient admin = FakeClients.workspace(scim, 1002);

    assertThat(admin.config().endpoint()).isEqualTo(scim.workspace(1).url());
    assertThat(admin.me().id()).contains(scim.workspace(1).adminUserId());
    assertThat(admin.groups().create(Group.builder().displayName("analysts").build()).displayName())
        .isEqualTo("analysts");
  }

  @Test
  void workspaceClient_unknownWorkspace_throwsIllegalArgument() {
    assertThatThrownBy(() -> FakeClients.workspace(scim, 999)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
    assertThatThrownBy(() -> FakeClients.workspaceUser(scim, 999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingAClient_leavesTheFakeAndOtherClientsWorking() {
    ScimWorkspaceClient first = FakeClients.workspace(scim);
    first.close();

    assertThat(FakeClients.workspace(scim).me().userName()).isEqualTo("admin-1001@example.com");
    assertThat(FakeClients.account(scim).users().list()).isNotEmpty();
  }

  @Test
  void clients_beforeStartOrAfterClose_throwIllegalStateOrCannotConnect() {
    FakeScimServer unstarted = FakeScimServer.create();
    FakeScimServer closed = FakeScimServer.create().start();
    ScimAccountClient account = FakeClients.account(closed);
    closed.close();

    assertThatThrownBy(() -> FakeClients.account(unstarted)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FakeClients.workspace(unstarted)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> account.users().list().iterator().hasNext()).isInstanceOf(ScimClientException.class);
  }
}
