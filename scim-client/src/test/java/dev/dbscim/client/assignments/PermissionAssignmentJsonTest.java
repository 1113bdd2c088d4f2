package dev.dbscim.client.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.dbscim.client.api.AssignedPrincipal;
import dev.dbscim.client.api.PermissionAssignment;
import dev.dbscim.client.api.PermissionLevel;
import dev.dbscim.client.api.PrincipalName;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.core.json.ScimJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionAssignmentJsonTest {
  final ObjectMapper mapper = ScimJson.mapper();

  PermissionAssignment read(String json) throws Exception {
    return mapper.readValue(json, PermissionAssignment.class);
  }

  @Test
  void read_thenWrite_keepsUnknownKeysAndOrder() throws Exception {
    String json = "{\"permissions\":[\"USER\",\"FUTURE\"],\"principal\":{\"principal_id\":345,"
        + "\"display_name\":\"Data Eng\",\"group_name\":\"data-eng\",\"x_kind\":\"account\"},"
        + "\"error\":\"boom\",\"z_last\":[1,2],\"a_first\":{\"n\":true}}";

    PermissionAssignment assignment = read(json);

    assertThat(mapper.readTree(mapper.writeValueAsString(assignment))).isEqualTo(mapper.readTree(json));
    assertThat(mapper.writeValueAsString(assignment)).isEqualTo(json);
    assertThat(assignment.additionalAttributes().keySet()).containsExactly("z_last", "a_first");
    assertThat(assignment.principal().get().additionalAttributes()).containsOnlyKeys("x_kind");
  }

  @Test
  void read_nullNames_treatsThemAsAbsentAndOmitsThemOnWrite() throws Exception {
    PermissionAssignment assignment = read("{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":345,"
        + "\"group_name\":\"g\",\"user_name\":null,\"service_principal_name\":null}}");

    assertThat(assignment.principal().get().userName()).isEmpty();
    assertThat(mapper.writeValueAsString(assignment))
        .isEqualTo("{\"permissions\":[\"USER\"],\"principal\":{\"principal_id\":345,\"group_name\":\"g\"}}");
  }

  @Test
  void read_knownKeysWithUnexpectedTypes_keepsThemVerbatim() throws Exception {
    String json = "{\"permissions\":\"USER\",\"principal\":{\"principal_id\":\"grp-9\",\"user_name\":42},"
        + "\"error\":{\"code\":1}}";

    PermissionAssignment assignment = read(json);

    assertThat(assignment.permissions()).isEmpty();
    assertThat(assignment.error()).isEmpty();
    assertThat(assignment.principal().get().principalId()).isEmpty();
    assertThat(assignment.principal().get().userName()).isEmpty();
    assertThat(mapper.readTree(mapper.writeValueAsString(assignment))).isEqualTo(mapper.readTree(json));
  }

  @Test
  void read_principalIdAsDigitString_parsesIt() throws Exception {
    assertThat(read("{\"principal\":{\"principal_id\":\"00345\"}}").principal().get().principalId().getAsLong())
        .isEqualTo(345L);
  }

  @Test
  void read_keysInOtherCase_areKeptAsUnknown() throws Exception {
    PermissionAssignment assignment = read("{\"Permissions\":[\"USER\"]}");

    assertThat(assignment.permissions()).isEmpty();
    assertThat(assignment.additionalAttributes()).containsOnlyKeys("Permissions");
  }

  @Test
  void builder_values_writeSnakeCaseJson() throws Exception {
    PermissionAssignment assignment = PermissionAssignment.builder()
        .permissions(List.of(WorkspacePermission.ADMIN))
        .addRawPermission("USER")
        .principal(AssignedPrincipal.builder().principalId(9).displayName("etl").servicePrincipalName("app-1")
            .putAdditionalAttribute("extra", IntNode.valueOf(3)).build())
        .build();

    assertThat(mapper.writeValueAsString(assignment)).isEqualTo("{\"permissions\":[\"ADMIN\",\"USER\"],"
        + "\"principal\":{\"principal_id\":9,\"display_name\":\"etl\",\"service_principal_name\":\"app-1\","
        + "\"extra\":3}}");
    assertThat(assignment.toBuilder().build()).isEqualTo(assignment).hasSameHashCodeAs(assignment);
    assertThat(assignment.toString()).contains("\"principal_id\":9");
  }

  @Test
  void collections_whenModified_throw() throws Exception {
    PermissionAssignment assignment = read("{\"permissions\":[\"USER\"],\"k\":{\"v\":1}}");

    assertThatThrownBy(() -> assignment.additionalAttributes().put("x", IntNode.valueOf(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> assignment.rawPermissions().add("USER"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderAttribute_laterMutationOfNode_doesNotChangeValue() {
    com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode().put("v", 1);
    PermissionAssignment assignment = PermissionAssignment.builder().putAdditionalAttribute("k", node).build();

    node.put("v", 2);

    assertThat(assignment.additionalAttributes().get("k").get("v").intValue()).isEqualTo(1);
  }

  @Test
  void permissionLevel_unknownLevel_keepsRawValue() throws Exception {
    PermissionLevel level = mapper.readValue("{\"permission_level\":\"OWNER\",\"description\":\"d\",\"x\":1}",
        PermissionLevel.class);

    assertThat(level.permissionLevel()).isEqualTo(WorkspacePermission.UNKNOWN);
    assertThat(level.rawPermissionLevel()).contains("OWNER");
    assertThat(level.additionalAttributes()).containsOnlyKeys("x");
    assertThat(mapper.writeValueAsString(level))
        .isEqualTo("{\"permission_level\":\"OWNER\",\"description\":\"d\",\"x\":1}");
  }

  @Test
  void workspacePermission_fromWire_mapsUnknownAndNull() throws Exception {
    assertThat(WorkspacePermission.fromWire("user")).isEqualTo(WorkspacePermission.USER);
    assertThat(WorkspacePermission.fromWire("ADMIN")).isEqualTo(WorkspacePermission.ADMIN);
    assertThat(WorkspacePermission.fromWire("OWNER")).isEqualTo(WorkspacePermission.UNKNOWN);
    assertThat(WorkspacePermission.fromWire(null)).isEqualTo(WorkspacePermission.UNKNOWN);
    assertThat(mapper.readValue("\"CAN_USE\"", WorkspacePermission.class)).isEqualTo(WorkspacePermission.UNKNOWN);
    assertThat(mapper.writeValueAsString(WorkspacePermission.USER)).isEqualTo("\"USER\"");
  }

  @Test
  void principalName_blank_throws() {
    assertThatThrownBy(() -> PrincipalName.user(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(PrincipalName.group("g").kind().wireKey()).isEqualTo("group_name");
    assertThat(PrincipalName.servicePrincipal("app").toString()).isEqualTo("SERVICE_PRINCIPAL:app");
  }

  @Test
  void read_nullNode_isNotAnAssignment() throws Exception {
    JsonNode tree = mapper.readTree("{\"principal\":null,\"permissions\":null}");

    PermissionAssignment assignment = mapper.treeToValue(tree, PermissionAssignment.class);

    assertThat(assignment.principal()).isEmpty();
    assertThat(mapper.writeValueAsString(assignment)).isEqualTo("{}");
  }
}
