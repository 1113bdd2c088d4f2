package dev.dbscim.core.model.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Email;
import dev.dbscim.core.model.Entitlement;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.User;
import org.junit.jupiter.api.Test;

/** Uses the models from another package, as SDK users do, so that package-private generated types stay hidden. */
class ModelPublicApiTest {
  @Test
  void builders_fromOutsidePackage_buildAndWriteUser() {
    User ada = User.builder()
        .addSchemas(SchemaUrns.USER)
        .userName("ada@example.com")
        .displayName("Ada Lovelace")
        .name(Name.of("Ada", "Lovelace"))
        .addEmails(Email.of("work", "ada@example.com").withPrimary(true))
        .addEntitlements(Entitlement.WORKSPACE_ACCESS.toComplexValue())
        .active(true)
        .build();

    User.Builder builder = ada.toBuilder();
    User copy = builder.displayName("Ada").build();

    assertThat(copy.displayName()).hasValue("Ada");
    assertThat(ScimJson.write(ada)).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
        + "\"userName\":\"ada@example.com\",\"displayName\":\"Ada Lovelace\",\"name\":{\"familyName\":\"Lovelace\","
        + "\"givenName\":\"Ada\"},\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true}],"
        + "\"active\":true,\"entitlements\":[{\"value\":\"workspace-access\"}]}");
  }

  @Test
  void listResponse_fromOutsidePackage_readsTypedPage() {
    ListResponse<Group> page = ListResponse.read("{\"totalResults\":1,\"Resources\":[{\"displayName\":\"g\","
        + "\"members\":[{\"value\":\"1\"}]}]}", Group.class);

    Group group = page.resources().get(0);

    assertThat(group.members()).containsExactly(ComplexValue.of("1"));
  }
}
