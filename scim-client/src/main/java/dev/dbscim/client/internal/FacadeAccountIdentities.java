package dev.dbscim.client.internal;

import dev.dbscim.client.api.AccountIdentitiesApi;
import dev.dbscim.client.api.GroupsReadApi;
import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.client.api.UsersApi;
import java.util.Objects;

/**
 * The {@link AccountIdentitiesApi} implementation on the workspace-domain proxy. Not public API; may change without
 * notice.
 */
public final class FacadeAccountIdentities implements AccountIdentitiesApi {
  /** The proxy's base path on a workspace host. */
  public static final String BASE_PATH = "/api/2.0/account/scim/v2";

  private final UsersApi users;
  private final ServicePrincipalsApi servicePrincipals;
  private final GroupsReadApi groups;

  /**
   * Creates the view.
   *
   * @param transport a transport whose base path is {@link #BASE_PATH} below the workspace endpoint
   */
  public FacadeAccountIdentities(ScimTransport transport) {
    Objects.requireNonNull(transport, "transport");
    this.users = new ResourceUsersApi(transport);
    this.servicePrincipals = new ResourceServicePrincipalsApi(transport);
    this.groups = new ResourceGroupsReadApi(transport);
  }

  @Override
  public UsersApi users() {
    return users;
  }

  @Override
  public ServicePrincipalsApi servicePrincipals() {
    return servicePrincipals;
  }

  @Override
  public GroupsReadApi groups() {
    return groups;
  }

  @Override
  public String toString() {
    return "AccountIdentitiesApi{" + BASE_PATH + "}";
  }
}
