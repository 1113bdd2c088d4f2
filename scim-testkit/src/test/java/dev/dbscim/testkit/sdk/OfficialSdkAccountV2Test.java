package dev.dbscim.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.service.iam.AccountGroup;
import com.databricks.sdk.service.iam.AccountServicePrincipal;
import com.databricks.sdk.service.iam.AccountUser;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.CreateAccountGroupRequest;
import com.databricks.sdk.service.iam.CreateAccountServicePrincipalRequest;
import com.databricks.sdk.service.iam.CreateAccountUserRequest;
import com.databricks.sdk.service.iam.ListAccountUsersRequest;
import com.databricks.sdk.service.iam.Patch;
import com.databricks.sdk.service.iam.PatchAccountGroupRequest;
import com.databricks.sdk.service.iam.PatchOp;
import com.databricks.sdk.service.iam.PatchSchema;
import com.databricks.sdk.service.iam.UpdateAccountUserRequest;
import dev.dbscim.testkit.FakeScimServer;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OfficialSdkAccountV2Test {
  private final FakeScimServer scim = FakeScimServer.builder().accountId("acc-123").build().start();
  private final AccountClient account = SdkConfigs.account(scim);

  @AfterEach
  void close() {
    scim.close();
  }

  @Test
  void v2_usersGroupsAndServicePrincipals_roundTrip() {
    AccountUser ada = account.usersV2().create(new CreateAccountUserRequest().setUserName("ada@example.com")
        .setDisplayName("Ada"));
    AccountServicePrincipal robot = account.servicePrincipalsV2().create(
        new CreateAccountServicePrincipalRequest().setDisplayName("robot"));
    AccountGroup eng = account.groupsV2().create(new CreateAccountGroupRequest().setDisplayName("eng")
        .setMembers(Collections.singletonList(new ComplexValue().setValue(ada.getId()))));

    account.groupsV2().patch(new PatchAccountGroupRequest().setId(eng.getId())
        .setSchemas(Collections.singletonList(PatchSchema.URN_IETF_PARAMS_SCIM_API_MESSAGES_2_0_PATCH_OP))
        .setOperations(Collections.singletonList(new Patch().setOp(PatchOp.ADD)
            .setValue(Collections.singletonMap("members",
                Collections.singletonList(Collections.singletonMap("value", robot.getId())))))));
    account.usersV2().update(new UpdateAccountUserRequest().setId(ada.getId()).setUserName("ada@example.com")
        .setDisplayName("Ada L").setActive(false));

    assertThat(ada.getId()).matches("[0-9]+");
    assertThat(robot.getApplicationId()).isNotEmpty();
    assertThat(account.groupsV2().get(eng.getId()).getMembers()).extracting(ComplexValue::getValue)
        .containsExactly(ada.getId(), robot.getId());
    AccountUser fetched = account.usersV2().get(ada.getId());
    assertThat(fetched.getDisplayName()).isEqualTo("Ada L");
    assertThat(fetched.getActive()).isFalse();
    List<AccountUser> listed = StreamSupport.stream(account.usersV2().list(new ListAccountUsersRequest()
        .setFilter("displayName co \"Ada\"")).spliterator(), false).collect(Collectors.toList());
    assertThat(listed).extracting(AccountUser::getId).containsExactly(ada.getId());
  }
}
