package dev.dbscim.client.internal;

import dev.dbscim.client.api.UsersApi;
import dev.dbscim.core.model.User;

/**
 * The {@link UsersApi} implementation. Not public API; may change without notice.
 */
public final class ResourceUsersApi extends ResourceOperations<User> implements UsersApi {
  /**
   * Creates the API.
   *
   * @param transport the transport whose base path is the SCIM root
   */
  public ResourceUsersApi(ScimTransport transport) {
    super(transport, ResourceKind.USERS);
  }
}
