package dev.dbscim.testkit;

import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;

/** Seeding and raw calls shared by the workspace-object tests. */
final class ObjectsHttp {
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ObjectsHttp() {}

  /** Calls a workspace host path (such as {@code /api/2.0/permissions/jobs/1}) with a token. */
  static Http.Reply call(FakeWorkspace workspace, String token, String method, String path, String body) {
    return Http.send(method, workspace.url().resolve(path), token, body);
  }

  /** Calls a workspace host path with the workspace admin's token. */
  static Http.Reply admin(FakeWorkspace workspace, String method, String path, String body) {
    return call(workspace, workspace.adminToken(), method, path, body);
  }

  /** Seeds an account user assigned to every given workspace as USER, and returns its id. */
  static String accountUser(FakeScimServer scim, String userName, long... workspaces) {
    String id = scim.state().seed(User.builder().userName(userName).displayName("Name of " + userName).build())
        .id().get();
    for (long workspace : workspaces) {
      scim.state().assign(workspace, id, "USER");
    }
    return id;
  }

  /** Seeds an account group assigned to a workspace, and returns its id. */
  static String accountGroup(FakeScimServer scim, String name, long workspace) {
    String id = scim.state().seed(Group.builder().displayName(name).build()).id().get();
    scim.state().assign(workspace, id, "USER");
    return id;
  }

  /** Deactivates a user through the account host. */
  static Http.Reply deactivate(FakeScimServer scim, String userId) {
    return Http.account(scim, "PATCH", "/Users/" + userId, "{\"schemas\":[\"" + PATCH_OP + "\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
  }
}
