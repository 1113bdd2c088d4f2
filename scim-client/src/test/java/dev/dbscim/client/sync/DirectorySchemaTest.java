package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Entitlement;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DirectorySchemaTest {
  private static JsonNode schema() throws Exception {
    try (InputStream in = DirectoryJson.class.getResourceAsStream("directory.schema.json")) {
      assertThat(in).isNotNull();
      return ScimJson.mapper().readTree(in);
    }
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        keys.add(name);
        collectKeys(node.get(name), keys);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectKeys(element, keys));
    }
  }

  private static Directory fullDirectory() {
    return Directory.builder()
        .addUsers(DirectoryUser.builder("a@x").displayName("A").givenName("G").familyName("F").externalId("e")
            .addEntitlements(Entitlement.WORKSPACE_ACCESS).build())
        .addServicePrincipals(DirectoryServicePrincipal.builder(DirectoryJsonTest.SP_ID).displayName("s")
            .externalId("e").addEntitlements(Entitlement.WORKSPACE_ACCESS).build())
        .addGroups(DirectoryGroup.builder("g").externalId("e").memberUsers("a@x")
            .memberServicePrincipals(DirectoryJsonTest.SP_ID).memberGroups("h")
            .addEntitlements(Entitlement.WORKSPACE_ACCESS).build())
        .addWorkspaceAssignments(
            DirectoryWorkspaceAssignment.ofUser(1L, "a@x", dev.dbscim.client.api.WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofServicePrincipal(1L, "s", dev.dbscim.client.api.WorkspacePermission.USER),
            DirectoryWorkspaceAssignment.ofGroup(1L, "g", dev.dbscim.client.api.WorkspacePermission.USER))
        .build();
  }

  @Test
  void schema_isDraft202012Json() throws Exception {
    JsonNode schema = schema();

    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void schema_mentionsEveryKeyTheWriterUses() throws Exception {
    Directory full = fullDirectory();
    Set<String> written = new TreeSet<>();
    collectKeys(ScimJson.mapper().readTree(DirectoryJson.write(full)), written);
    Set<String> inSchema = new TreeSet<>();
    collectKeys(schema(), inSchema);

    assertThat(written).hasSize(18);
    assertThat(inSchema).containsAll(written);
  }

  @Test
  void schema_propertiesPerObject_matchTheWrittenKeysExactly() throws Exception {
    JsonNode schema = schema();
    JsonNode defs = schema.path("$defs");
    JsonNode written = ScimJson.mapper().readTree(DirectoryJson.write(fullDirectory()));

    assertThat(names(schema.path("properties"))).containsExactlyInAnyOrder("$schema", "users", "servicePrincipals",
        "groups", "workspaceAssignments");
    assertThat(names(defs.path("user").path("properties"))).containsExactlyInAnyOrderElementsOf(
        names(written.path("users").get(0)));
    assertThat(names(defs.path("servicePrincipal").path("properties"))).containsExactlyInAnyOrder(
        "applicationId", "displayName", "externalId", "active", "entitlements");
    assertThat(names(defs.path("group").path("properties"))).containsExactlyInAnyOrderElementsOf(
        names(written.path("groups").get(0)));
    assertThat(names(defs.path("group").path("properties").path("members").path("properties")))
        .containsExactlyInAnyOrderElementsOf(names(written.path("groups").get(0).path("members")));
    assertThat(names(defs.path("workspaceAssignment").path("properties"))).containsExactlyInAnyOrder(
        "workspaceId", "user", "servicePrincipal", "group", "permission");
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    assertThat(names).isNotEmpty();
    return names;
  }

  @Test
  void schema_listsEveryEntitlementAndPermission() throws Exception {
    String text = schema().toString();

    for (Entitlement entitlement : Entitlement.values()) {
      assertThat(text).contains("\"" + entitlement.value() + "\"");
    }
    assertThat(text).contains("\"USER\"", "\"ADMIN\"");
  }
}
