package dev.dbscim.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.DeleteWorkspaceAssignmentRequest;
import com.databricks.sdk.service.iam.Group;
import com.databricks.sdk.service.iam.ListAccountGroupsRequest;
import com.databricks.sdk.service.iam.ListAccountServicePrincipalsRequest;
import com.databricks.sdk.service.iam.ListAccountUsersRequest;
import com.databricks.sdk.service.iam.Name;
import com.databricks.sdk.service.iam.PartialUpdate;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.PermissionAssignment;
import com.databricks.sdk.service.iam.PermissionOutput;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.iam.UpdateWorkspaceAssignments;
import com.databricks.sdk.service.iam.User;
import com.databricks.sdk.service.iam.WorkspacePermission;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OfficialSdkAccountTest {
  private final FakeScimServer scim = FakeScimServer.builder().accountId("acc-123").build().start();
  private final AccountClient account = SdkConfigs.account(scim);

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
  void users_createGetListPatchUpdateDelete() {
    User created = account.users().create(new User().setUserName("Ada@Example.com").setDisplayName("Ada L")
        .setName(new Name().setGivenName("Ada").setFamilyName("Lovelace")).setActive(true));

    assertThat(created.getId()).matches("[0-9]+");
    assertThat(created.getUserName()).isEqualTo("ada@example.com");
    assertThat(created.getEmails()).extracting(ComplexValue::getValue).containsExactly("ada@example.com");
    User fetched = account.users().get(created.getId());
    assertThat(fetched.getName().getFamilyName()).isEqualTo("Lovelace");
    assertThat(fetched.getActive()).isTrue();

    List<User> filtered = all(account.users().list(
        new ListAccountUsersRequest().setFilter("userName eq \"ada@example.com\"")));
    List<User> everyone = all(account.users().list(new ListAccountUsersRequest()));
    assertThat(filtered).extracting(User::getId).containsExactly(created.getId());
    assertThat(everyone).extracting(User::getUserName)
        .containsExactly("admin-1001@example.com", "user-1001@example.com", "ada@example.com");

    account.users().patch(patch(created.getId(),
        new Patch().setOp(PatchOp.REPLACE).setPath("active").setValue(false)));
    assertThat(account.users().get(created.getId()).getActive()).isFalse();

    account.users().update(new User().setId(created.getId()).setUserName("ada@example.com")
        .setDisplayName("Countess").setActive(true));
    User updated = account.users().get(created.getId());
    assertThat(updated.getDisplayName()).isEqualTo("Countess");
    assertThat(updated.getName()).isNull();

    account.users().delete(created.getId());
    assertThatThrownBy(() -> account.users().get(created.getId()))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void users_createDuplicate_isAConflict() {
    account.users().create(new User().setUserName("ada@example.com"));

    assertThatThrownBy(() -> account.users().create(new User().setUserName("ada@example.com")))
        .isInstanceOfSatisfying(DatabricksError.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("already exists");
        });
  }

  @Test
  void users_listPagedBySmallCounts_walksEveryPage() {
    for (int i = 0; i < 5; i++) {
      account.users().create(new User().setUserName("u" + i + "@example.com"));
    }

    List<User> users = all(account.users().list(new ListAccountUsersRequest().setCount(2L)
        .setAttributes("id,userName").setSortBy("userName")));

    assertThat(users).extracting(User::getUserName).containsExactly("admin-1001@example.com", "u0@example.com",
        "u1@example.com", "u2@example.com", "u3@example.com", "u4@example.com", "user-1001@example.com");
  }

  @Test
  void groups_createGetListPatchUpdateDelete() {
    User ada = account.users().create(new User().setUserName("ada@example.com").setDisplayName("Ada"));
    User bob = account.users().create(new User().setUserName("bob@example.com").setDisplayName("Bob"));
    Group created = account.groups().create(new Group().setDisplayName("eng")
        .setMembers(Collections.singletonList(new ComplexValue().setValue(ada.getId()))));

    assertThat(created.getId()).matches("[0-9]+");
    Group fetched = account.groups().get(created.getId());
    assertThat(fetched.getDisplayName()).isEqualTo("eng");
    assertThat(fetched.getMeta().getResourceType()).isEqualTo("Group");
    assertThat(fetched.getMembers()).extracting(ComplexValue::getValue, ComplexValue::getDisplay, ComplexValue::getRef)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ada.getId(), "Ada", "Users/" + ada.getId()));

    List<Group> listed = all(account.groups().list(new ListAccountGroupsRequest()
        .setFilter("displayName eq \"eng\"")));
    assertThat(listed).extracting(Group::getId).containsExactly(created.getId());
    assertThat(all(account.groups().list(new ListAccountGroupsRequest()))).extracting(Group::getDisplayName)
        .containsExactly("account users", "eng");

    Map<String, Object> member = Collections.singletonMap("value", bob.getId());
    account.groups().patch(patch(created.getId(), new Patch().setOp(PatchOp.ADD).setPath("members")
        .setValue(Collections.singletonList(member))));
    assertThat(account.groups().get(created.getId()).getMembers()).extracting(ComplexValue::getValue)
        .containsExactly(ada.getId(), bob.getId());
    account.groups().patch(patch(created.getId(), new Patch().setOp(PatchOp.REMOVE)
        .setPath("members[value eq \"" + ada.getId() + "\"]")));
    assertThat(account.groups().get(created.getId()).getMembers()).extracting(ComplexValue::getValue)
        .containsExactly(bob.getId());

    account.groups().update(new Group().setId(created.getId()).setDisplayName("engineering")
        .setMembers(Collections.singletonList(new ComplexValue().setValue(ada.getId()))));
    Group updated = account.groups().get(created.getId());
    assertThat(updated.getDisplayName()).isEqualTo("engineering");
    assertThat(updated.getMembers()).extracting(ComplexValue::getValue).containsExactly(ada.getId());
    assertThat(account.users().get(ada.getId()).getGroups()).extracting(ComplexValue::getDisplay)
        .contains("engineering");

    account.groups().delete(created.getId());
    assertThatThrownBy(() -> account.groups().get(created.getId()))
        .isInstanceOfSatisfying(DatabricksError.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void servicePrincipals_createGetListPatchUpdateDelete() {
    ServicePrincipal created = account.servicePrincipals().create(
        new ServicePrincipal().setDisplayName("robot").setActive(true));

    assertThat(created.getId()).matches("[0-9]+");
    assertThat(UUID.fromString(created.getApplicationId()).toString()).isEqualTo(created.getApplicationId());
    assertThat(account.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("robot");
    List<ServicePrincipal> listed = all(account.servicePrincipals().list(new ListAccountServicePrincipalsRequest()
        .setFilter("applicationId eq \"" + created.getApplicationId() + "\"")));
    assertThat(listed).extracting(ServicePrincipal::getId).containsExactly(created.getId());

    account.servicePrincipals().patch(patch(created.getId(),
        new Patch().setOp(PatchOp.REPLACE).setPath("displayName").setValue("robot-2")));
    assertThat(account.servicePrincipals().get(created.getId()).getDisplayName()).isEqualTo("robot-2");

    account.servicePrincipals().update(new ServicePrincipal().setId(created.getId())
        .setApplicationId(created.getApplicationId()).setDisplayName("robot-3").setActive(false));
    ServicePrincipal updated = account.servicePrincipals().get(created.getId());
    assertThat(updated.getDisplayName()).isEqualTo("robot-3");
    assertThat(updated.getActive()).isFalse();
    assertThat(updated.getApplicationId()).isEqualTo(created.getApplicationId());

    account.servicePrincipals().delete(created.getId());
    assertThat(all(account.servicePrincipals().list(new ListAccountServicePrincipalsRequest()))).isEmpty();
  }

  @Test
  void workspaceAssignment_updateListGetDelete() {
    long workspaceId = scim.workspace(0).id();
    User ada = account.users().create(new User().setUserName("ada@example.com").setDisplayName("Ada"));
    Group eng = account.groups().create(new Group().setDisplayName("eng"));

    PermissionAssignment assigned = account.workspaceAssignment().update(new UpdateWorkspaceAssignments()
        .setWorkspaceId(workspaceId).setPrincipalId(Long.parseLong(ada.getId()))
        .setPermissions(Collections.singletonList(WorkspacePermission.USER)));
    account.workspaceAssignment().update(new UpdateWorkspaceAssignments()
        .setWorkspaceId(workspaceId).setPrincipalId(Long.parseLong(eng.getId()))
        .setPermissions(Collections.singletonList(WorkspacePermission.ADMIN)));

    assertThat(assigned.getPermissions()).containsExactly(WorkspacePermission.USER);
    assertThat(assigned.getPrincipal().getPrincipalId()).isEqualTo(Long.parseLong(ada.getId()));
    assertThat(assigned.getPrincipal().getUserName()).isEqualTo("ada@example.com");
    assertThat(assigned.getPrincipal().getGroupName()).isNull();
    List<PermissionAssignment> listed = all(account.workspaceAssignment().list(workspaceId));
    assertThat(listed).extracting(a -> a.getPrincipal().getPrincipalId())
        .contains(Long.parseLong(ada.getId()), Long.parseLong(eng.getId()));
    PermissionAssignment engAssignment = listed.stream()
        .filter(a -> a.getPrincipal().getPrincipalId() == Long.parseLong(eng.getId())).findFirst().get();
    assertThat(engAssignment.getPrincipal().getGroupName()).isEqualTo("eng");
    assertThat(engAssignment.getPermissions()).containsExactly(WorkspacePermission.ADMIN);
    assertThat(account.workspaceAssignment().get(workspaceId).getPermissions())
        .extracting(PermissionOutput::getPermissionLevel)
        .contains(WorkspacePermission.USER, WorkspacePermission.ADMIN);

    account.workspaceAssignment().delete(new DeleteWorkspaceAssignmentRequest()
        .setWorkspaceId(workspaceId).setPrincipalId(Long.parseLong(ada.getId())));

    assertThat(all(account.workspaceAssignment().list(workspaceId)))
        .extracting(a -> a.getPrincipal().getPrincipalId()).doesNotContain(Long.parseLong(ada.getId()));
  }

  @Test
  void requests_carryThePatAndNoWorkspaceHeader() {
    account.users().list(new ListAccountUsersRequest()).iterator().hasNext();

    List<RecordedCall> calls = scim.recordedRequests();
    RecordedCall list = calls.stream().filter(c -> c.path().endsWith("/scim/v2/Users")).findFirst().get();
    assertThat(list.header("Authorization")).hasValue("****");
    assertThat(list.header("User-Agent").get()).contains("databricks-sdk-java/").contains("auth/pat");
    assertThat(list.header("X-Databricks-Workspace-Id")).isEmpty();
    assertThat(calls).extracting(RecordedCall::path)
        .doesNotContain("/oidc/.well-known/oauth-authorization-server");
  }
}
