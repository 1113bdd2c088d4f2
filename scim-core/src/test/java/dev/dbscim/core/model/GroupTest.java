package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class GroupTest {
  private static Group read(String json) {
    return ScimJson.read(json, Group.class);
  }

  @Test
  void read_workspaceCreateResponse_mapsMembersAndMeta() {
    Group group = read(ModelFixtures.text("groups/workspace-create-response"));

    assertThat(group.displayName()).isEqualTo("dummies");
    assertThat(group.members()).extracting(m -> m.ref().orElse(null))
        .containsExactly("Users/8598139271121446", "ServicePrincipals/123456789", "Groups/111");
    assertThat(group.members().get(0).display()).hasValue("Jacob Parr");
    assertThat(group.members().get(2).additionalAttributes()).containsKey("x-member-note");
    assertThat(group.groups()).isEmpty();
    assertThat(group.entitlements()).containsExactly(Entitlement.ALLOW_CLUSTER_CREATE.toComplexValue());
    assertThat(group.meta().flatMap(Meta::resourceType)).hasValue("WorkspaceGroup");
    assertThat(group.schemas()).startsWith(SchemaUrns.GROUP);
  }

  @Test
  void workspaceLocal_workspaceGroup_isTrue() {
    assertThat(read(ModelFixtures.text("groups/workspace-create-response")).workspaceLocal()).isTrue();
  }

  @Test
  void workspaceLocal_accountGroup_isFalse() {
    assertThat(read(ModelFixtures.text("groups/account-group")).workspaceLocal()).isFalse();
  }

  @Test
  void workspaceLocal_withoutMetaOrWithOtherCase_isFalse() {
    assertThat(Group.builder().displayName("g").build().workspaceLocal()).isFalse();
    assertThat(Group.builder().displayName("g").meta(Meta.ofResourceType("workspacegroup")).build().workspaceLocal())
        .isFalse();
  }

  @Test
  void write_workspaceLocalGroup_doesNotSerializeConvenienceMethod() {
    Group group = Group.builder().displayName("g").meta(Meta.ofResourceType(Group.WORKSPACE_GROUP_RESOURCE_TYPE)).build();

    JsonNode written = ModelFixtures.written(group);

    assertThat(written).isEqualTo(
        ScimJson.read("{\"displayName\":\"g\",\"meta\":{\"resourceType\":\"WorkspaceGroup\"}}", JsonNode.class));
  }

  @Test
  void read_unknownAttributeNamedWorkspaceLocal_keepsIt() {
    Group group = read("{\"displayName\":\"g\",\"workspaceLocal\":7}");

    assertThat(group.additionalAttributes()).containsEntry("workspaceLocal", IntNode.valueOf(7));
    assertThat(ModelFixtures.written(group).get("workspaceLocal").asInt()).isEqualTo(7);
  }

  @Test
  void read_withoutDisplayName_failsNamingAttribute() {
    assertThatThrownBy(() -> read("{\"id\":\"9\",\"members\":[]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("displayName");
  }

  @Test
  void build_blankDisplayName_throwsNamingAttribute() {
    assertThatThrownBy(() -> Group.builder().displayName("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("displayName must not be blank");
  }

  @Test
  void read_entraStyleMemberWithNullRef_readsRefAsAbsent() {
    Group group = read("{\"displayName\":\"g\",\"members\":[{\"$ref\":null,\"value\":\"101\"}]}");

    assertThat(group.members()).containsExactly(ComplexValue.of("101"));
  }

  @Test
  void read_upperCaseRefKey_matchesRef() {
    Group group = read("{\"DISPLAYNAME\":\"g\",\"Members\":[{\"$REF\":\"Users/1\",\"VALUE\":\"1\"}]}");

    assertThat(group.members().get(0).ref()).hasValue("Users/1");
    assertThat(group.members().get(0).additionalAttributes()).isEmpty();
  }

  @Test
  void write_builtGroup_matchesDatabricksCreateRequest() {
    Group group = Group.builder()
        .addSchemas(SchemaUrns.GROUP)
        .displayName("dummies")
        .addMembers(ComplexValue.of("8598139271121446"))
        .addEntitlements(Entitlement.ALLOW_CLUSTER_CREATE.toComplexValue())
        .build();

    assertThat(ModelFixtures.written(group)).isEqualTo(ScimJson.read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
        + "Group\"],\"displayName\":\"dummies\",\"members\":[{\"value\":\"8598139271121446\"}],"
        + "\"entitlements\":[{\"value\":\"allow-cluster-create\"}]}", JsonNode.class));
  }

  @Test
  void read_emptyGroupsArray_writesItOut() {
    Group group = read("{\"displayName\":\"g\",\"groups\":[]}");

    assertThat(ScimJson.write(group)).isEqualTo("{\"displayName\":\"g\"}");
  }
}
