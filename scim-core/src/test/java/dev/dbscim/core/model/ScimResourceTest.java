package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class ScimResourceTest {
  @Test
  void extension_differentCaseUrn_findsObject() {
    User user = ScimJson.read(ModelFixtures.text("users/account-create-response"), User.class);

    assertThat(user.extension("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER")).isPresent();
  }

  @Test
  void extension_exactAndCaseInsensitiveKeysBothPresent_prefersExact() {
    Group group = Group.builder()
        .displayName("g")
        .putAdditionalAttributes("URN:X", IntNode.valueOf(1))
        .putAdditionalAttributes("urn:x", IntNode.valueOf(2))
        .build();

    assertThat(group.extension("urn:x")).hasValue(IntNode.valueOf(2));
    assertThat(group.extension("Urn:X")).hasValue(IntNode.valueOf(1));
  }

  @Test
  void extension_absentUrn_isEmpty() {
    assertThat(ServicePrincipal.builder().build().extension(EnterpriseUser.URN)).isEmpty();
    assertThat(ServicePrincipal.builder().build().extension(EnterpriseUser.URN, EnterpriseUser.class)).isEmpty();
  }

  @Test
  void extension_typed_convertsEnterpriseUser() {
    User user = ScimJson.read(ModelFixtures.text("users/account-create-response"), User.class);

    EnterpriseUser enterprise = user.extension(EnterpriseUser.URN, EnterpriseUser.class).orElseThrow();

    assertThat(enterprise.employeeNumber()).hasValue("701984");
    assertThat(enterprise.manager().flatMap(Manager::displayName)).hasValue("John Smith");
  }

  @Test
  void extension_typedButNotAnObject_throwsIllegalArgument() {
    User user = User.builder().userName("a").putAdditionalAttributes(EnterpriseUser.URN, TextNode.valueOf("x")).build();

    assertThatThrownBy(() -> user.extension(EnterpriseUser.URN, EnterpriseUser.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void meta_viaInterface_returnsResourceMeta() {
    ScimResource resource = ScimJson.read(ModelFixtures.text("groups/account-group"), Group.class);

    assertThat(resource.meta().flatMap(Meta::location)).hasValue("Groups/9");
    assertThat(resource.meta().get().additionalAttributes()).containsOnlyKeys("x-meta-extra");
  }
}
