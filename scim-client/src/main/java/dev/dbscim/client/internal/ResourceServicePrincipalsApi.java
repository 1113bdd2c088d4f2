package dev.dbscim.client.internal;

import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.core.model.ServicePrincipal;

/**
 * The {@link ServicePrincipalsApi} implementation. Not public API; may change without notice.
 */
public final class ResourceServicePrincipalsApi extends ResourceOperations<ServicePrincipal>
    implements ServicePrincipalsApi {
  /**
   * Creates the API.
   *
   * @param transport the transport whose base path is the SCIM root
   */
  public ResourceServicePrincipalsApi(ScimTransport transport) {
    super(transport, ResourceKind.SERVICE_PRINCIPALS);
  }
}
