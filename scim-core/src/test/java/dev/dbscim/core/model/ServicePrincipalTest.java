package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class ServicePrincipalTest {
  @Test
  void read_withGroupsFixture_mapsDirectAndIndirectGroups() {
    ServicePrincipal sp = ScimJson.read(ModelFixtures.text("servicePrincipals/with-groups"), ServicePrincipal.class);

    assertThat(sp.applicationId()).hasValue("11111111-0000-0000-0000-111111111111");
    assertThat(sp.displayName()).hasValue("foo");
    assertThat(sp.active()).hasValue(true);
    assertThat(sp.groups()).containsExactly(
        ComplexValue.builder().display("group1").type("direct").value("111").ref("Groups/111").build(),
        ComplexValue.builder().display("group2").type("indirect").value("222").ref("Groups/222").build());
    assertThat(sp.entitlements()).extracting(e -> Entitlement.fromValue(e.value().orElse("")).orElse(null))
        .containsExactly(Entitlement.ALLOW_CLUSTER_CREATE, Entitlement.ALLOW_INSTANCE_POOL_CREATE,
            Entitlement.WORKSPACE_ACCESS);
    assertThat(sp.extension("urn:ietf:params:scim:schemas:extension:example:2.0:ServicePrincipal")).isPresent();
  }

  @Test
  void build_displayNameOnly_isValidAndWritesOnlyIt() {
    ServicePrincipal sp = ServicePrincipal.builder().addSchemas(SchemaUrns.SERVICE_PRINCIPAL).displayName("etl").build();

    assertThat(ModelFixtures.written(sp)).isEqualTo(ScimJson.read("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
        + "ServicePrincipal\"],\"displayName\":\"etl\"}", JsonNode.class));
  }

  @Test
  void read_emptyObject_readsEmptyServicePrincipal() {
    ServicePrincipal sp = ScimJson.read("{}", ServicePrincipal.class);

    assertThat(sp).isEqualTo(ServicePrincipal.builder().build());
    assertThat(sp.applicationId()).isEmpty();
  }

  @Test
  void read_upperCaseApplicationId_matchesAttribute() {
    ServicePrincipal sp = ScimJson.read("{\"APPLICATIONID\":\"u-1\",\"Active\":false}", ServicePrincipal.class);

    assertThat(sp.applicationId()).hasValue("u-1");
    assertThat(sp.active()).hasValue(false);
  }
}
