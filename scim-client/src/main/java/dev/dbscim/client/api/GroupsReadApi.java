package dev.dbscim.client.api;

import dev.dbscim.core.model.Group;

/**
 * Read-only access to groups: {@code get}, {@code find}, {@code list} and {@code listPage}. This is what a workspace
 * admin gets for account groups through the workspace domain
 * ({@link dev.dbscim.client.ScimWorkspaceClient#accountIdentities()}), where the service lets workspace admins read
 * but not change account groups. Thread-safe.
 *
 * <p>Partial list reads always include {@code id} and {@code displayName}.
 */
public interface GroupsReadApi extends ResourceReadApi<Group> {}
