package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserTest {
  private static User read(String json) {
    return ScimJson.read(json, User.class);
  }

  @Test
  void read_accountCreateResponse_mapsKnownAttributes() {
    User user = read(ModelFixtures.text("users/account-create-response"));

    assertThat(user.id()).hasValue("100000");
    assertThat(user.userName()).isEqualTo("user@example.com");
    assertThat(user.displayName()).hasValue("John Doe");
    assertThat(user.name()).hasValue(Name.of("John", "Doe"));
    assertThat(user.emails()).containsExactly(Email.of("work", "user@example.com").withPrimary(true));
    assertThat(user.schemas()).containsExactly(SchemaUrns.USER, SchemaUrns.ENTERPRISE_USER);
    assertThat(user.additionalAttributes()).containsEntry("account_id",
        TextNode.valueOf("8f6c1b7e-0000-4000-8000-000000000001"));
  }

  @Test
  void read_workspaceGet_mapsGroupsEntitlementsAndRoles() {
    User user = read(ModelFixtures.text("users/workspace-get"));

    assertThat(user.groups()).extracting(g -> g.type().orElse(null)).containsExactly("direct", "indirect");
    assertThat(user.groups().get(0).ref()).hasValue("Groups/123456");
    assertThat(user.entitlements()).extracting(e -> e.value().orElse(null))
        .containsExactly("allow-cluster-create", "future-entitlement-x");
    assertThat(user.roles()).containsExactly(ComplexValue.of("arn:aws:iam::123456789012:role/data-role"));
    assertThat(user.active()).hasValue(true);
    assertThat(user.meta()).isEmpty();
    assertThat(user.extension(SchemaUrns.WORKSPACE_USER).map(n -> n.get("workspaceHome").asText()))
        .hasValue("/Users/example@databricks.com");
  }

  @Test
  void read_entraCreateRequest_keepsEverything() {
    User user = read(ModelFixtures.text("users/entra-create-request"));

    assertThat(user.name().flatMap(Name::formatted)).hasValue("givenName familyName");
    assertThat(user.meta().flatMap(Meta::resourceType)).hasValue("User");
    assertThat(user.emails().get(0).primary()).hasValue(true);
    assertThat(user.roles()).isEmpty();
    assertThat(user.extension(EnterpriseUser.URN, EnterpriseUser.class).flatMap(EnterpriseUser::department))
        .hasValue("Engineering");
    assertThat(user.additionalAttributes().keySet())
        .containsExactly(SchemaUrns.ENTERPRISE_USER, "preferredLanguage");
  }

  @Test
  void read_oktaCreateRequest_keepsPasswordAndLocale() {
    User user = read(ModelFixtures.text("users/okta-create-request"));

    assertThat(user.password()).hasValue("1mz050nq");
    assertThat(user.additionalAttributes()).containsEntry("locale", TextNode.valueOf("en-US"));
    assertThat(user.name().flatMap(Name::honorificPrefix)).hasValue("Dr.");
    assertThat(user.emails().get(0).display()).hasValue("Isabell");
    assertThat(ModelFixtures.written(user).get("password").asText()).isEqualTo("1mz050nq");
  }

  @Test
  void toString_withPassword_masksIt() {
    User user = User.builder().userName("ada@example.com").password("s3cr3t-Passw0rd").build();

    assertThat(user.toString()).doesNotContain("s3cr3t-Passw0rd").contains("password=****");
  }

  @Test
  void toString_oktaFixture_doesNotContainPassword() {
    User user = read(ModelFixtures.text("users/okta-create-request"));

    assertThat(user.toString()).doesNotContain("1mz050nq");
    assertThat(user.toBuilder().toString()).doesNotContain("1mz050nq");
  }

  @Test
  void read_upperCaseKeys_matchesAttributesCaseInsensitively() {
    User user = read("{\"USERNAME\":\"ada@example.com\",\"DisplayName\":\"Ada\",\"EMAILS\":[{\"VALUE\":\"a@b.c\","
        + "\"Primary\":true}],\"NAME\":{\"GIVENNAME\":\"Ada\"},\"Active\":false}");

    assertThat(user.userName()).isEqualTo("ada@example.com");
    assertThat(user.displayName()).hasValue("Ada");
    assertThat(user.emails()).containsExactly(Email.builder().value("a@b.c").primary(true).build());
    assertThat(user.name().flatMap(Name::givenName)).hasValue("Ada");
    assertThat(user.active()).hasValue(false);
    assertThat(user.additionalAttributes()).isEmpty();
  }

  @Test
  void read_upperCaseKeysWithTurkishMapperLocale_matchesAttributes() throws Exception {
    ObjectMapper turkish = ScimJson.configure(JsonMapper.builder().defaultLocale(new Locale("tr", "TR")).build());

    User user = turkish.readValue("{\"USERNAME\":\"a\",\"ID\":\"7\",\"DISPLAYNAME\":\"A\",\"EMAILS\":"
        + "[{\"VALUE\":\"a@b.c\",\"PRIMARY\":true}]}", User.class);

    assertThat(user.id()).hasValue("7");
    assertThat(user.displayName()).hasValue("A");
    assertThat(user.emails()).containsExactly(Email.builder().value("a@b.c").primary(true).build());
    assertThat(user.additionalAttributes()).isEmpty();
  }

  @Test
  void read_unknownKeyCase_keepsOriginalCase() {
    User user = read("{\"userName\":\"a\",\"Locale\":\"de\",\"URN:Example:Ext\":{\"k\":1}}");

    assertThat(user.additionalAttributes().keySet()).containsExactly("Locale", "URN:Example:Ext");
    assertThat(user.extension("urn:example:ext").map(n -> n.get("k").asInt())).hasValue(1);
  }

  @Test
  void read_withoutUserName_failsNamingAttribute() {
    assertThatThrownBy(() -> read("{\"displayName\":\"Ada\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userName");
  }

  @Test
  void read_blankUserName_failsNamingAttributeNotValue() {
    assertThatThrownBy(() -> read("{\"userName\":\" \\t \"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userName must not be blank");
  }

  @Test
  void build_blankUserName_throwsIllegalArgument() {
    assertThatThrownBy(() -> User.builder().userName("   ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userName must not be blank");
  }

  @Test
  void build_withoutUserName_throwsIllegalStateNamingAttribute() {
    assertThatThrownBy(() -> User.builder().displayName("Ada").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("userName");
  }

  @Test
  void read_nullEmails_readsAsEmpty() {
    User user = read("{\"userName\":\"a\",\"emails\":null,\"displayName\":null}");

    assertThat(user.emails()).isEmpty();
    assertThat(user.displayName()).isEmpty();
    assertThat(user.additionalAttributes()).isEmpty();
  }

  @Test
  void read_nullElementsInList_dropsThem() {
    User user = read("{\"userName\":\"a\",\"emails\":[null,{\"value\":\"x@y.z\"},null],\"schemas\":[null]}");

    assertThat(user.emails()).containsExactly(Email.builder().value("x@y.z").build());
    assertThat(user.schemas()).isEmpty();
  }

  @Test
  void read_singleObjectWhereListExpected_readsOneElementList() {
    User user = read("{\"userName\":\"a\",\"emails\":{\"value\":\"x@y.z\",\"type\":\"work\"},"
        + "\"schemas\":\"urn:ietf:params:scim:schemas:core:2.0:User\",\"roles\":{\"value\":\"account_admin\"}}");

    assertThat(user.emails()).containsExactly(Email.of("work", "x@y.z"));
    assertThat(user.schemas()).containsExactly(SchemaUrns.USER);
    assertThat(user.roles()).containsExactly(ComplexValue.of("account_admin"));
  }

  @Test
  void read_attributeNamedAdditionalAttributes_keepsItAsUnknownWithoutLosingOthers() {
    User user = read("{\"userName\":\"a\",\"first\":1,\"additionalAttributes\":{\"x\":2},\"last\":3}");

    assertThat(user.additionalAttributes().keySet()).containsExactly("first", "additionalAttributes", "last");
    assertThat(ModelFixtures.written(user)).isEqualTo(
        ScimJson.read("{\"userName\":\"a\",\"first\":1,\"additionalAttributes\":{\"x\":2},\"last\":3}", JsonNode.class));
  }

  @Test
  void write_unknownAttributePutThroughBuilder_isWrittenAtTopLevel() {
    User user = User.builder()
        .userName("ada@example.com")
        .putAdditionalAttributes("locale", TextNode.valueOf("en-GB"))
        .putAdditionalAttributes(EnterpriseUser.URN,
            ModelFixtures.written(EnterpriseUser.builder().department("R&D").manager(Manager.of("7")).build()))
        .build();

    JsonNode written = ModelFixtures.written(user);

    assertThat(written.get("locale").asText()).isEqualTo("en-GB");
    assertThat(written.get(EnterpriseUser.URN).get("department").asText()).isEqualTo("R&D");
    assertThat(written.get(EnterpriseUser.URN).get("manager").get("value").asText()).isEqualTo("7");
    assertThat(written.has("additionalAttributes")).isFalse();
  }

  @Test
  void write_builtUser_omitsEmptyListsAndAbsentValues() {
    User user = User.builder().userName("ada@example.com").addSchemas(SchemaUrns.USER).build();

    assertThat(ScimJson.write(user))
        .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\"}");
  }

  @Test
  void toBuilder_changeDisplayName_keepsUnknownAttributesAndExtensions() {
    User user = read(ModelFixtures.text("users/workspace-get"));

    User renamed = user.toBuilder().displayName("Renamed").build();

    assertThat(renamed.displayName()).hasValue("Renamed");
    assertThat(renamed.additionalAttributes()).isEqualTo(user.additionalAttributes());
    assertThat(renamed.groups()).isEqualTo(user.groups());
  }

  @Test
  void toBuilder_setListAttribute_replacesWholeList() {
    User user = read(ModelFixtures.text("users/workspace-get"));

    User changed = user.toBuilder().entitlements(java.util.List.of(Entitlement.WORKSPACE_ACCESS.toComplexValue())).build();

    assertThat(changed.entitlements()).containsExactly(ComplexValue.of("workspace-access"));
  }

  @Test
  void read_schemasWithDatabricksWorkspaceExtension_keepsOrder() {
    User user = read(ModelFixtures.text("users/workspace-get"));

    assertThat(user.schemas()).containsExactly(SchemaUrns.USER, SchemaUrns.WORKSPACE_USER);
  }

  @Test
  void write_emptyStringsAndEmptyUnknownValues_keepsThem() {
    String json = "{\"userName\":\"a\",\"displayName\":\"\",\"name\":{\"givenName\":\"\"},"
        + "\"emails\":[{\"value\":\"\"}],\"x-text\":\"\",\"x-object\":{},\"x-list\":[],\"x-null\":null}";

    User user = read(json);

    assertThat(user.displayName()).hasValue("");
    assertThat(ScimJson.write(user)).isEqualTo(json);
  }
}
