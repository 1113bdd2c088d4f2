package dev.dbscim.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The direct grants on one workspace object, read from the fake with
 * {@link FakeWorkspace#permissions(String, String)}. Immutable. Grants inherited from the workspace (the
 * {@code admins} group's {@code CAN_MANAGE}) are not listed; the HTTP answer shows them as {@code inherited}.
 */
public final class FakeObjectPermissions {
  private final String objectType;
  private final String objectId;
  private final Map<FakePrincipal, String> grants;

  FakeObjectPermissions(String objectType, String objectId, Map<FakePrincipal, String> grants) {
    this.objectType = objectType;
    this.objectId = objectId;
    this.grants = Collections.unmodifiableMap(new LinkedHashMap<>(grants));
  }

  /**
   * Returns the object type as the permissions API names it in the path, such as {@code jobs} or
   * {@code sql/warehouses}.
   *
   * @return the type
   */
  public String objectType() {
    return objectType;
  }

  /**
   * Returns the object id, such as {@code 7}.
   *
   * @return the id
   */
  public String objectId() {
    return objectId;
  }

  /**
   * Returns every direct grant, principal (by its current name) to permission level, in the order they were given.
   *
   * @return the grants
   */
  public Map<FakePrincipal, String> grants() {
    return grants;
  }

  /**
   * Returns the level a principal holds directly, such as {@code CAN_MANAGE}.
   *
   * @param principal the principal
   * @return the level, or empty when it holds none
   */
  public Optional<String> levelOf(FakePrincipal principal) {
    return Optional.ofNullable(grants.get(principal));
  }

  /**
   * Returns the holder of {@code IS_OWNER}; empty for object types without owners and for objects whose owner was
   * deleted.
   *
   * @return the owner
   */
  public Optional<FakePrincipal> owner() {
    for (Map.Entry<FakePrincipal, String> grant : grants.entrySet()) {
      if (grant.getValue().equals("IS_OWNER")) {
        return Optional.of(grant.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the object and its grants; no secrets are involved.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "FakeObjectPermissions[" + objectType + "/" + objectId + ", " + grants + "]";
  }
}
