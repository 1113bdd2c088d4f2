package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectoryValuesTest {
  @Test
  void userBuilder_defaults_activeAndAbsentOptionals() {
    DirectoryUser user = DirectoryUser.builder("a@x").build();

    assertThat(user.active()).isTrue();
    assertThat(user.displayName()).isEmpty();
    assertThat(user.externalId()).isEmpty();
    assertThat(user.entitlements()).isEmpty();
    assertThat(DirectoryServicePrincipal.builder("id").build().active()).isTrue();
  }

  @Test
  void equalsAndHashCode_sameValues_equalAndDifferentValuesNot() {
    DirectoryUser ada = DirectoryUser.builder("a@x").displayName("Ada").addEntitlements(Entitlement.WORKSPACE_ACCESS)
        .build();

    assertThat(ada.toBuilder().build()).isEqualTo(ada).hasSameHashCodeAs(ada);
    assertThat(ada.toBuilder().active(false).build()).isNotEqualTo(ada);
    assertThat(ada.toBuilder().displayName(Optional.empty()).build()).isNotEqualTo(ada);
    DirectoryGroup group = DirectoryGroup.builder("g").memberUsers("a@x").build();
    assertThat(group.toBuilder().build()).isEqualTo(group).hasSameHashCodeAs(group);
    assertThat(group.toBuilder().memberGroups("h").build()).isNotEqualTo(group);
    Directory directory = DirectoryJsonTest.issueExample();
    assertThat(directory.toBuilder().build()).isEqualTo(directory).hasSameHashCodeAs(directory);
    assertThat(directory.toBuilder().groups(List.of()).build()).isNotEqualTo(directory);
  }

  @Test
  void builders_copyCollections_laterChangesDoNotLeakIn() {
    List<String> members = new ArrayList<>(List.of("a@x"));
    DirectoryGroup group = DirectoryGroup.builder("g").memberUsers(members).build();
    members.add("b@x");

    assertThat(group.memberUsers()).containsExactly("a@x");
    assertThatThrownBy(() -> group.memberUsers().add("c@x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> DirectoryGroup.builder("g").memberUsers((String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DirectoryUser.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("userName");
  }

  @Test
  void workspaceAssignment_factories_kindAndNameAndUnknownPermissionRejected() {
    DirectoryWorkspaceAssignment assignment =
        DirectoryWorkspaceAssignment.ofServicePrincipal(5L, "id", WorkspacePermission.ADMIN);

    assertThat(assignment.principalKind()).isEqualTo(PrincipalKind.SERVICE_PRINCIPAL);
    assertThat(assignment.principalName()).isEqualTo("id");
    assertThat(assignment).isEqualTo(DirectoryWorkspaceAssignment.of(5L, PrincipalKind.SERVICE_PRINCIPAL, "id",
        WorkspacePermission.ADMIN));
    assertThat(assignment).isNotEqualTo(DirectoryWorkspaceAssignment.ofGroup(5L, "id", WorkspacePermission.ADMIN));
    assertThatThrownBy(() -> DirectoryWorkspaceAssignment.ofUser(5L, "a@x", WorkspacePermission.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_namesValuesAndSummarisesDirectory() {
    assertThat(DirectoryUser.builder("a@x").externalId("e").build().toString()).contains("a@x", "e", "active=true");
    assertThat(DirectoryJsonTest.issueExample().toString())
        .isEqualTo("Directory{users=1, servicePrincipals=1, groups=2, workspaceAssignments=1}");
    assertThat(DirectoryProblem.of("", DirectoryProblem.Code.TOO_MANY_GROUPS, "m").toString())
        .isEqualTo("/: TOO_MANY_GROUPS: m");
  }

  @Test
  void limits_negative_rejected() {
    assertThat(DirectoryLimits.databricks().maxPrincipals()).isEqualTo(10_000);
    assertThat(DirectoryLimits.databricks().maxGroups()).isEqualTo(5_000);
    assertThatThrownBy(() -> DirectoryLimits.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
