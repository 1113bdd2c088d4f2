/**
 * SCIM PATCH (RFC 7644 section 3.5.2): the {@link dev.dbscim.core.patch.PatchRequest} message, builders that produce it
 * ({@link dev.dbscim.core.patch.GroupPatch}, {@link dev.dbscim.core.patch.UserPatch},
 * {@link dev.dbscim.core.patch.ServicePrincipalPatch}) and {@link dev.dbscim.core.patch.PatchApplier}, which applies a
 * request to a resource the way Databricks and lenient SCIM services do.
 */
@ScimStyle
package dev.dbscim.core.patch;

import dev.dbscim.core.internal.ScimStyle;
