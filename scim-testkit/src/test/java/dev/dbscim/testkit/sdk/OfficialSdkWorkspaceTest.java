package dev.dbscim.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.Group;
import com.databricks.sdk.service.iam.ListGroupsRequest;
import com.databricks.sdk.service.iam.ListServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListUsersRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.User;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OfficialSdkWorkspaceTest {
  private final FakeScimServer scim = FakeScimServer.builder().accountId("acc-123").workspaces(1)
      .nonFederatedWorkspaces(1).build().start();
  private final FakeWorkspace federated = scim.workspace(0);
  private final FakeWorkspace local = scim.workspace(1);

  @AfterEach
  void close() {
    scim.close();
  }

  private static <T> List<T> all(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false).collect(Collectors.toList());
  }

  private static PartialUpdate patch(String id, Patch... operations) {
    List<Patch> list = new ArrayList<>();
    Collections.addAll(list, operations);
    return new PartialUpdate().setId(id).setOperations(list)
        .setSchemas(Collections.singletonList(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP));
  }

  @Test
  void currentUser_me_returnsTheTokenOwnerWithTheSystemGroups() {
    WorkspaceClient admin = SdkConfigs.workspace(federated, federated.adminToken());
    WorkspaceClient user = SdkConfigs.workspace(federated, federated.userToken());

    User adminMe = admin.currentUser().me(new MeRequest());
    User userMe = user.currentUser().me(new MeRequest());

    assertThat(adminMe.getId()).isEqualTo(federated.adminUserId());
    assertThat(adminMe.getUserName()).isEqualTo("admin-1001@example.com");
    assertThat(adminMe.getGroups()).extracting(ComplexValue::getDisplay).containsExactlyInAnyOrder("users", "admins");
    assertThat(userMe.getUserName()).isEqualTo("user-1001@example.com");
    assertThat(userMe.getGroups()).extracting(ComplexValue::getDisplay).containsExactly("users");
  }

  @Test
  void users_inAFederatedWorkspace_createGetListPatchUpdateDelete() {
    WorkspaceClient workspace = SdkConfigs.workspace(federated, federated.adminToken());
    User created = workspace.users().create(new User().setUserName("ada@example.com").setDisplayName("Ada")
        .setEntitlements(Collections.singletonList(new ComplexValue().setValue("allow-cluster-create"))));

    assertThat(created.getEntitlements()).extracting(ComplexValue::getValue).containsExactly("allow-cluster-create");
    assertThat(scim.state().user(created.getId())).isPresent();
    assertThat(workspace.users().get(created.getId()).getUserName()).isEqualTo("ada@example.com");
    assertThat(all(workspace.users().list(new ListUsersRequest().setFilter("userName sw \"ada\""))))
        .extracting(User::getId).containsExactly(created.getId());

    workspace.users().patch(patch(created.getId(), new Patch().setOp(PatchOp.ADD).setPath("entitlements")
        .setValue(Collections.singletonList(Collections.singletonMap("value", "databricks-sql-access")))));
    assertThat(workspace.users().get(created.getId()).getEntitlements()).extracting(ComplexValue::getValue)
        .containsExactly("allow-cluster-create", "databricks-sql-access");

    workspace.users().update(new User().setId(created.getId()).setUserName("ada@example.com")
        .setDisplayName("Ada Lovelace"));
    User updated = workspace.users().get(created.getId());
    assertThat(updated.getDisplayName()).isEqualTo("Ada Lovelace");
    assertThat(updated.getEntitlements()).isNull();

    workspace.users().delete(created.getId());
    assertThatThrownBy(() -> workspace.users().get(created.getId()))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThat(scim.state().user(created.getId())).as("still an account user").isPresent();
  }

  @Test
  void groups_inAWorkspace_areWorkspaceLocal() {
    WorkspaceClient workspace = SdkConfigs.workspace(local, local.adminToken());
    User bob = workspace.users().create(new User().setUserName("bob@example.com"));
    Group created = workspace.groups().create(new Group().setDisplayName("ops")
        .setMembers(Collections.singletonList(new ComplexValue().setValue(bob.getId()))));

    Group fetched = workspace.groups().get(created.getId());
    assertThat(fetched.getMeta().getResourceType()).isEqualTo("WorkspaceGroup");
    assertThat(fetched.getMembers()).extracting(ComplexValue::getValue).containsExactly(bob.getId());
    assertThat(all(workspace.groups().list(new ListGroupsRequest()))).extracting(Group::getDisplayName)
        .containsExactly("users", "admins", "ops");

    Map<String, Object> admin = Collections.singletonMap("value", local.adminUserId());
    workspace.groups().patch(patch(created.getId(), new Patch().setOp(PatchOp.ADD).setPath("members")
        .setValue(Collections.singletonList(admin))));
    assertThat(workspace.groups().get(created.getId()).getMembers()).extracting(ComplexValue::getValue)
        .containsExactly(bob.getId(), local.adminUserId());

    workspace.groups().update(new Group().setId(created.getId()).setDisplayName("operations"));
    Group updated = workspace.groups().get(created.getId());
    assertThat(updated.getDisplayName()).isEqualTo("operations");
    assertThat(updated.getMembers()).isNull();

    workspace.groups().delete(created.getId());
    assertThat(all(workspace.groups().list(new ListGroupsRequest().setFilter("displayName eq \"operations\""))))
        .isEmpty();
  }

  @Test
  void servicePrincipals_inAWorkspace_createGetListPatchUpdateDelete() {
    WorkspaceClient workspace = SdkConfigs.workspace(local, local.adminToken());
    ServicePrincipal created = workspace.servicePrincipals().create(new ServicePrincipal().setDisplayName("robot"));

    assertThat(created.getApplicationId()).isNotEmpty();
    assertThat(workspace.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("robot");
    assertThat(all(workspace.servicePrincipals().list(new ListServicePrincipalsRequest())))
        .extracting(ServicePrincipal::getId).containsExactly(created.getId());

    workspace.servicePrincipals().patch(patch(created.getId(),
        new Patch().setOp(PatchOp.REPLACE).setPath("active").setValue("false")));
    assertThat(workspace.servicePrincipals().get(created.getId()).getActive()).isFalse();

    workspace.servicePrincipals().update(new ServicePrincipal().setId(created.getId())
        .setApplicationId(created.getApplicationId()).setDisplayName("robot-2").setActive(true));
    assertThat(workspace.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("robot-2");

    workspace.servicePrincipals().delete(created.getId());
    assertThat(all(workspace.servicePrincipals().list(new ListServicePrincipalsRequest()))).isEmpty();
    assertThat(scim.state().servicePrincipal(created.getId())).isEmpty();
  }

  @Test
  void plainUser_writing_isRefusedWith403() {
    WorkspaceClient user = SdkConfigs.workspace(federated, federated.userToken());

    assertThat(all(user.users().list(new ListUsersRequest()))).isNotEmpty();
    assertThatThrownBy(() -> user.users().create(new User().setUserName("eve@example.com")))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
  }
}
