package dev.dbscim.client.internal;

import dev.dbscim.client.api.GroupsReadApi;
import dev.dbscim.core.model.Group;

/**
 * The read-only {@link GroupsReadApi} implementation. Not public API; may change without notice.
 */
public final class ResourceGroupsReadApi extends ResourceReadOperations<Group> implements GroupsReadApi {
  /**
   * Creates the API.
   *
   * @param transport the transport whose base path is the SCIM root
   */
  public ResourceGroupsReadApi(ScimTransport transport) {
    super(transport, ResourceKind.GROUPS);
  }
}
