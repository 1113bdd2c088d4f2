package dev.dbscim.client.api;

import dev.dbscim.core.model.ServicePrincipal;

/**
 * The {@code /ServicePrincipals} endpoint: create, read, list, replace, patch and delete service principals. Reached
 * through {@code servicePrincipals()} on a facade; thread-safe.
 *
 * <pre>{@code
 * ServicePrincipal etl = workspace.servicePrincipals().create(ServicePrincipal.builder()
 *     .displayName("nightly-etl")
 *     .build());
 * }</pre>
 *
 * <p>The unique key used to resolve an unclear create is {@code applicationId}, or {@code externalId} when the
 * principal has no application id yet; a principal with neither is never looked up, so an unclear create of it is
 * thrown (display names need not be unique). Partial list reads always include {@code id}.
 */
public interface ServicePrincipalsApi extends ResourceApi<ServicePrincipal> {}
