package dev.dbscim.client.api;

/**
 * The account's identities as a workspace sees them through its own domain ({@code /api/2.0/account/scim/v2}, no
 * account id in the path). A workspace admin may create and change account users and service principals there, but
 * only read account groups, so {@link #groups()} is read-only. Thread-safe.
 *
 * <pre>{@code
 * AccountIdentitiesApi account = workspace.accountIdentities();
 * account.users().create(User.builder().userName("ada@example.com").build());
 * for (Group g : account.groups().list(q -> q.attributes("displayName"))) { ... }
 * }</pre>
 */
public interface AccountIdentitiesApi {
  /**
   * Returns the account's users.
   *
   * @return the users API on the workspace-domain proxy
   */
  UsersApi users();

  /**
   * Returns the account's service principals.
   *
   * @return the service principals API on the workspace-domain proxy
   */
  ServicePrincipalsApi servicePrincipals();

  /**
   * Returns the account's groups, read-only.
   *
   * @return the read-only groups API on the workspace-domain proxy
   */
  GroupsReadApi groups();
}
