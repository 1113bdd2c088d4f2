package dev.dbscim.testkit;

import static dev.dbscim.testkit.ObjectsHttp.accountUser;
import static dev.dbscim.testkit.ObjectsHttp.admin;
import static dev.dbscim.testkit.ObjectsHttp.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FakeObjectPermissionsTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();
  private FakeWorkspace workspace;
  private long job;

  @BeforeEach
  void seed() {
    workspace = scim.workspace(0);
    accountUser(scim, "ann@example.com", 1001);
    accountUser(scim, "bob@example.com", 1001);
    scim.state().seed(1001, Group.builder().displayName("data-eng").build());
    job = workspace.addJob("ann@example.com", "nightly", true);
  }

  private String jobPath() {
    return "/api/2.0/permissions/jobs/" + job;
  }

  @Test
  void get_seededGrant_answersTheRealShapeWithAdminsInherited() {
    workspace.grant("jobs", Long.toString(job), FakePrincipal.group("data-eng"), "CAN_MANAGE_RUN");

    Http.Reply reply = admin(workspace, "GET", jobPath(), null);

    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.toString()).isEqualTo("{\"object_id\":\"/jobs/" + job + "\",\"object_type\":\"job\","
        + "\"access_control_list\":["
        + "{\"user_name\":\"ann@example.com\",\"display_name\":\"Name of ann@example.com\","
        + "\"all_permissions\":[{\"permission_level\":\"IS_OWNER\",\"inherited\":false}]},"
        + "{\"group_name\":\"data-eng\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE_RUN\","
        + "\"inherited\":false}]},"
        + "{\"group_name\":\"admins\",\"all_permissions\":[{\"permission_level\":\"CAN_MANAGE\",\"inherited\":true,"
        + "\"inherited_from_object\":[\"/jobs/\"]}]}]}");
  }

  @Test
  void patch_addsAndKeepsOthers_putReplacesAndMakesTheCallerOwner() {
    Http.Reply patched = admin(workspace, "PATCH", jobPath(),
        "{\"access_control_list\":[{\"user_name\":\"bob@example.com\",\"permission_level\":\"CAN_VIEW\"}]}");

    assertThat(patched.status).isEqualTo(200);
    assertThat(workspace.permissions("jobs", Long.toString(job)).grants())
        .containsEntry(FakePrincipal.user("ann@example.com"), "IS_OWNER")
        .containsEntry(FakePrincipal.user("bob@example.com"), "CAN_VIEW");

    Http.Reply put = admin(workspace, "PUT", jobPath(),
        "{\"access_control_list\":[{\"group_name\":\"data-eng\",\"permission_level\":\"CAN_MANAGE\"}]}");

    assertThat(put.status).isEqualTo(200);
    FakeObjectPermissions now = workspace.permissions("jobs", Long.toString(job));
    assertThat(now.grants()).containsOnlyKeys(FakePrincipal.group("data-eng"),
        FakePrincipal.user("admin-1001@example.com"));
    assertThat(now.owner()).contains(FakePrincipal.user("admin-1001@example.com"));
  }

  @Test
  void patch_newOwner_leavesThePreviousOwnerCanManage() {
    admin(workspace, "PATCH", jobPath(),
        "{\"access_control_list\":[{\"user_name\":\"bob@example.com\",\"permission_level\":\"IS_OWNER\"}]}");

    FakeObjectPermissions now = workspace.permissions("jobs", Long.toString(job));
    assertThat(now.owner()).contains(FakePrincipal.user("bob@example.com"));
    assertThat(now.levelOf(FakePrincipal.user("ann@example.com"))).contains("CAN_MANAGE");
  }

  @Test
  void patch_refusals_answerTheDocumentedErrors() {
    Http.Reply groupOwner = admin(workspace, "PATCH", jobPath(),
        "{\"access_control_list\":[{\"group_name\":\"data-eng\",\"permission_level\":\"IS_OWNER\"}]}");
    Http.Reply twoOwners = admin(workspace, "PATCH", jobPath(), "{\"access_control_list\":["
        + "{\"user_name\":\"bob@example.com\",\"permission_level\":\"IS_OWNER\"},"
        + "{\"user_name\":\"ann@example.com\",\"permission_level\":\"IS_OWNER\"}]}");
    Http.Reply unknown = admin(workspace, "PATCH", jobPath(),
        "{\"access_control_list\":[{\"user_name\":\"nobody@example.com\",\"permission_level\":\"CAN_VIEW\"}]}");
    Http.Reply badLevel = admin(workspace, "PATCH", "/api/2.0/permissions/clusters/"
        + workspace.addCluster("ann@example.com", "c"),
        "{\"access_control_list\":[{\"user_name\":\"bob@example.com\",\"permission_level\":\"IS_OWNER\"}]}");
    Http.Reply lowerAdmins = admin(workspace, "PATCH", jobPath(),
        "{\"access_control_list\":[{\"group_name\":\"admins\",\"permission_level\":\"CAN_VIEW\"}]}");

    assertThat(groupOwner.status).isEqualTo(400);
    assertThat(groupOwner.json.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(twoOwners.status).isEqualTo(400);
    assertThat(unknown.status).isEqualTo(400);
    assertThat(unknown.json.get("message").asText()).isEqualTo("Principal: UserName(nobody@example.com) does not exist");
    assertThat(badLevel.status).isEqualTo(400);
    assertThat(lowerAdmins.status).isEqualTo(400);
    assertThat(workspace.permissions("jobs", Long.toString(job)).owner())
        .contains(FakePrincipal.user("ann@example.com"));
  }

  @Test
  void get_missingObjects_jobIs400AndQueryIs404() {
    Http.Reply job = admin(workspace, "GET", "/api/2.0/permissions/jobs/999999", null);
    Http.Reply query = admin(workspace, "GET", "/api/2.0/permissions/sql/queries/nope", null);

    assertThat(job.status).isEqualTo(400);
    assertThat(job.json.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(query.status).isEqualTo(404);
    assertThat(query.json.get("error_code").asText()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void get_plainUserWithoutManage_is403_withCanManageThroughAGroup_is200() {
    String warehouse = workspace.addWarehouse("ann@example.com", "wh");
    String path = "/api/2.0/permissions/sql/warehouses/" + warehouse;

    assertThat(call(workspace, workspace.userToken(), "GET", path, null).status).isEqualTo(403);

    String group = scim.state().groupByName("data-eng").get().id().get();
    scim.state().addMember(group, workspace.userId());
    workspace.grant("warehouses", warehouse, FakePrincipal.group("data-eng"), "CAN_MANAGE");

    Http.Reply reply = call(workspace, workspace.userToken(), "GET", path, null);
    assertThat(reply.status).isEqualTo(200);
    assertThat(reply.json.get("object_type").asText()).isEqualTo("warehouses");
    assertThat(reply.json.get("object_id").asText()).isEqualTo("/sql/warehouses/" + warehouse);
  }

  @Test
  void grant_followsTheGroupThroughARename() {
    workspace.grant("notebooks", "4242", FakePrincipal.group("data-eng"), "CAN_EDIT");
    String group = scim.state().groupByName("data-eng").get().id().get();

    Http.workspace(scim, 0, "PATCH", "/Groups/" + group, "{\"schemas\":[\"" + ObjectsHttp.PATCH_OP + "\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"db-temp-data-eng\"}]}");

    assertThat(workspace.permissions("notebooks", "4242").grants())
        .containsExactly(org.assertj.core.api.Assertions.entry(FakePrincipal.group("db-temp-data-eng"), "CAN_EDIT"));
    Http.Reply reply = admin(workspace, "GET", "/api/2.0/permissions/notebooks/4242", null);
    assertThat(reply.json.get("access_control_list").get(1).get("all_permissions").get(0)
        .get("inherited_from_object").get(0).asText()).isEqualTo("/directories/");
  }

  @Test
  void grant_refusedByARule_throwsIllegalArgument() {
    assertThatThrownBy(() -> workspace.grant("jobs", Long.toString(job), FakePrincipal.group("data-eng"), "IS_OWNER"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workspace.grant("jobs", "424242", FakePrincipal.group("data-eng"), "CAN_VIEW"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void permissionLevels_listsTheLevelsOfTheType() {
    Http.Reply reply = admin(workspace, "GET", jobPath() + "/permissionLevels", null);

    assertThat(reply.json.get("permission_levels").findValuesAsText("permission_level"))
        .containsExactly("CAN_VIEW", "CAN_MANAGE_RUN", "CAN_MANAGE", "IS_OWNER");
  }
}
