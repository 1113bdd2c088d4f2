package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ScimResource;
import dev.dbscim.core.model.User;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypedPatchBuilderTest {
  @Test
  void groupPatch_severalAdds_mergeIntoOneAddMembersOperation() {
    PatchRequest request =
        GroupPatch.builder().addMember("101").addMember(resource("102")).addMembers(Arrays.asList("103", "101")).build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"101\"},{\"value\":\"102\"},{\"value\":\"103\"}]}]");
  }

  @Test
  void groupPatch_removeMember_rendersFilteredPath() {
    PatchRequest request = GroupPatch.builder().removeMember("102").removeMembers(Collections.singletonList("103")).build();

    assertThat(request.operations())
        .extracting(operation -> operation.path().orElse(""))
        .containsExactly("members[value eq \"102\"]", "members[value eq \"103\"]");
    assertThat(request.operations()).allSatisfy(operation -> assertThat(operation.value()).isEmpty());
  }

  @Test
  void groupPatch_removeMemberWithQuotesInId_escapesTheFilterValue() {
    PatchRequest request = GroupPatch.builder().removeMember("a\"b\\c").build();

    assertThat(request.operations().get(0).path()).contains("members[value eq \"a\\\"b\\\\c\"]");
  }

  @Test
  void groupPatch_addAfterAnotherOperation_startsANewAddKeepingCallOrder() {
    PatchRequest request =
        GroupPatch.builder().addMember("1").removeMember("2").addMember("3").addEntitlement("workspace-access").build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"1\"}]},"
            + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"2\\\"]\"},"
            + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"3\"}]},"
            + "{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"workspace-access\"}]}]");
  }

  @Test
  void groupPatch_scalarsAndEntitlements_compileToGenericForm() {
    PatchRequest request =
        GroupPatch.builder()
            .displayName("db-temp-eng")
            .externalId("ext-1")
            .removeEntitlement("allow-cluster-create")
            .addRole("arn:aws:iam::1:instance-profile/x")
            .removeRole("arn:aws:iam::1:instance-profile/y")
            .build();

    assertThat(ScimJson.write(request))
        .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
            + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"db-temp-eng\"},"
            + "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"ext-1\"},"
            + "{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"allow-cluster-create\\\"]\"},"
            + "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"arn:aws:iam::1:instance-profile/x\"}]},"
            + "{\"op\":\"remove\",\"path\":\"roles[value eq \\\"arn:aws:iam::1:instance-profile/y\\\"]\"}]}");
  }

  @Test
  void groupPatch_memberWithoutId_failsFast() {
    assertThatThrownBy(() -> GroupPatch.builder().addMember(resource(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no id");
    assertThatThrownBy(() -> GroupPatch.builder().addMember("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GroupPatch.builder().removeMember((String) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void groupPatch_builtRequest_isAppliedAsIntended() {
    JsonNode group = ScimJson.read("{\"id\":\"9\",\"displayName\":\"eng\",\"members\":[{\"value\":\"1\"},{\"value\":\"2\"}]}",
        JsonNode.class);

    JsonNode patched =
        PatchApplier.create().apply(group, GroupPatch.builder().addMember("3").removeMember("1").displayName("x").build());

    assertThat(patched.toString()).isEqualTo("{\"id\":\"9\",\"displayName\":\"x\",\"members\":[{\"value\":\"2\"},{\"value\":\"3\"}]}");
  }

  @Test
  void userPatch_helpers_compileToGenericForm() {
    PatchRequest request =
        UserPatch.builder()
            .active(false)
            .displayName("Ada Lovelace")
            .givenName("Ada")
            .familyName("Lovelace")
            .externalId("e-1")
            .addEntitlement("workspace-access")
            .removeEntitlement("allow-cluster-create")
            .addRoles(Arrays.asList("r1", "r2"))
            .addRole("r3")
            .removeRole("r0")
            .build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
            + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada Lovelace\"},"
            + "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Ada\"},"
            + "{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Lovelace\"},"
            + "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e-1\"},"
            + "{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"workspace-access\"}]},"
            + "{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"allow-cluster-create\\\"]\"},"
            + "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"r1\"},{\"value\":\"r2\"},{\"value\":\"r3\"}]},"
            + "{\"op\":\"remove\",\"path\":\"roles[value eq \\\"r0\\\"]\"}]");
  }

  @Test
  void servicePrincipalPatch_helpers_compileToGenericForm() {
    PatchRequest request =
        ServicePrincipalPatch.builder()
            .active(true)
            .displayName("etl-bot")
            .externalId("e-2")
            .addEntitlement("workspace-access")
            .addEntitlement("databricks-sql-access")
            .removeEntitlement("allow-cluster-create")
            .addRole("r1")
            .removeRole("r2")
            .build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true},"
            + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"etl-bot\"},"
            + "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e-2\"},"
            + "{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"workspace-access\"},{\"value\":\"databricks-sql-access\"}]},"
            + "{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"allow-cluster-create\\\"]\"},"
            + "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"r1\"}]},"
            + "{\"op\":\"remove\",\"path\":\"roles[value eq \\\"r2\\\"]\"}]");
  }

  @Test
  void typedBuilders_buildTwice_returnEqualIndependentRequests() {
    GroupPatch.Builder builder = GroupPatch.builder().addMember("1");
    PatchRequest first = builder.build();
    builder.addMember("2");
    PatchRequest second = builder.build();

    assertThat(first.operations().get(0).value().get().size()).isEqualTo(1);
    assertThat(second.operations().get(0).value().get().size()).isEqualTo(2);
  }

  @Test
  void typedBuilders_sharedMethods_returnTheConcreteBuilderForChaining() {
    PatchRequest group = GroupPatch.builder().displayName("eng").addMember("1").build();
    PatchRequest user = UserPatch.builder().externalId("e-1").givenName("Ada").build();
    PatchRequest servicePrincipal = ServicePrincipalPatch.builder().removeRole("r0").active(false).build();

    assertThat(group.operations()).extracting(operation -> operation.path().orElse(""))
        .containsExactly("displayName", "members");
    assertThat(user.operations()).extracting(operation -> operation.path().orElse(""))
        .containsExactly("externalId", "name.givenName");
    assertThat(servicePrincipal.operations()).extracting(operation -> operation.path().orElse(""))
        .containsExactly("roles[value eq \"r0\"]", "active");
  }

  @Test
  void userPatch_repeatedRoleInConsecutiveAdds_isSentOnce() {
    PatchRequest request = UserPatch.builder().addRole("r1").addRoles(Arrays.asList("r1", "r2")).build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"r1\"},{\"value\":\"r2\"}]}]");
  }

  @Test
  void typedBuilders_nullOrEmptyValues_failFastNamingTheAttribute() {
    assertThatThrownBy(() -> UserPatch.builder().displayName(null))
        .isInstanceOf(NullPointerException.class).hasMessage("displayName");
    assertThatThrownBy(() -> ServicePrincipalPatch.builder().addEntitlement(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("entitlements value must not be empty");
    assertThatThrownBy(() -> GroupPatch.builder().removeRole(null))
        .isInstanceOf(NullPointerException.class).hasMessage("roles value");
  }

  private static ScimResource resource(String id) {
    return User.builder().userName("member@example.com").id(Optional.ofNullable(id)).build();
  }
}
